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
