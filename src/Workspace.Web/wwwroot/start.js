// A message's buttons name what they do in data-action, for one handler on the message list (MessageMarkup.cs): a
// click on one becomes a "messageaction" event, and a click anywhere else in the list sends the server nothing.
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
    const message = button?.closest("article[data-message-id]");
    if (!message)
        return;
    button.dispatchEvent(new CustomEvent("messageaction", {
        bubbles: true,
        detail: { action: button.dataset.action, messageId: message.dataset.messageId, emoji: button.dataset.emoji ?? "" },
    }));
    if (button.dataset.action === "reaction" || button.dataset.action === "unread")
        keepFocus(button, message);
});

// Toggling a reaction or marking a message unread leaves the reader where they were, but the message is shown anew
// (the list's markup becomes the message's own component; a reaction's new count is new markup), and the button they
// pressed goes with it: give the keyboard back to its successor.
function keepFocus(button, message) {
    if (document.activeElement !== button)
        return;
    const selector = `article[data-message-id="${CSS.escape(message.dataset.messageId)}"] ` +
        `button[data-action="${button.dataset.action}"]` +
        (button.dataset.emoji ? `[data-emoji="${CSS.escape(button.dataset.emoji)}"]` : "");
    const observer = new MutationObserver(() => {
        if (button.isConnected)
            return;
        observer.disconnect();
        if (document.activeElement === document.body)
            document.querySelector(selector)?.focus();
    });
    observer.observe(message.parentElement, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 10000);
}

Blazor.registerCustomEventType("messageaction", { createEventArgs: event => event.detail });

// Starts Blazor with reconnection suited to a chat: a restarted server is usually back within seconds, so ask every
// second at first, then every five; the reconnect dialog keeps asking after Blazor gives up.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 60,
            retryIntervalMilliseconds: previousAttempts => previousAttempts < 10 ? 1000 : 5000,
        },
    },
});
