// Page-wide helpers. Runs on every page, interactive or not.
(() => {
    const root = document.documentElement;

    // The server shows times in the browser's time zone; it learns the zone from this cookie.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = `workspace.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;

    window.workspace = {
        /** connected | reconnecting | disconnected: what tests and styles read from <html data-circuit>. */
        setCircuit(state) { root.dataset.circuit = state; },

        rememberChannel(name) {
            document.cookie = `workspace.last-channel=${encodeURIComponent(name)}; path=/; max-age=31536000; samesite=lax`;
        },

        async copy(text) {
            try {
                await navigator.clipboard.writeText(text);
                return true;
            } catch {
                return false;
            }
        },

        selectById(id) { document.getElementById(id)?.select(); },
    };
})();
