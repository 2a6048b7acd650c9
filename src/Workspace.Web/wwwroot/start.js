// Starts Blazor with reconnection suited to a chat: a restarted server is usually back within seconds, so ask every
// second at first, then every five; the reconnect dialog keeps asking after Blazor gives up.
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
});
Blazor.registerCustomEventType("messageaction", { createEventArgs: event => event.detail });

Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 60,
            retryIntervalMilliseconds: previousAttempts => previousAttempts < 10 ? 1000 : 5000,
        },
    },
});
