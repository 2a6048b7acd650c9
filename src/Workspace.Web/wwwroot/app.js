// Page-wide helpers. Runs on every page, interactive or not.
(() => {
    const root = document.documentElement;

    // The server shows times in the browser's time zone; it learns the zone from this cookie.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = `workspace.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;

    let unreadTotal = 0;
    const titlePrefix = /^\(\d+\) /;
    function applyTitle() {
        const base = document.title.replace(titlePrefix, "");
        const wanted = unreadTotal > 0 ? `(${unreadTotal}) ${base}` : base;
        if (document.title === wanted) return;
        // Change Blazor's own text node in place: setting document.title would swap in a new node, and the
        // next <PageTitle> change would then go to the detached one and never show.
        const text = document.querySelector("head > title")?.firstChild;
        if (text?.nodeType === Node.TEXT_NODE) text.data = wanted;
        else document.title = wanted;
    }
    // Pages set their own titles as people move around; keep the count in front of whatever they set.
    new MutationObserver(applyTitle).observe(document.head, { subtree: true, childList: true, characterData: true });

    window.workspace = {
        /** connected | reconnecting | disconnected: what tests and styles read from <html data-circuit>. */
        setCircuit(state) { root.dataset.circuit = state; },

        /** Puts the number of unread messages in front of the page's title: "(3) #general · Workspace". */
        setUnreadTotal(total) {
            unreadTotal = total;
            applyTitle();
        },

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
