// Starts Blazor with reconnection suited to a chat: a restarted server is usually back within seconds, so ask every
// second at first, then every five; the reconnect dialog keeps asking after Blazor gives up.
// A message's toolbar buttons share one handler (MessageActions.cs); the clicked button names its action.
Blazor.registerCustomEventType("messageaction", {
    browserEventName: "click",
    createEventArgs: event => ({ action: event.target.closest("button[data-action]")?.dataset.action ?? "" }),
});

Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 60,
            retryIntervalMilliseconds: previousAttempts => previousAttempts < 10 ? 1000 : 5000,
        },
    },
});
