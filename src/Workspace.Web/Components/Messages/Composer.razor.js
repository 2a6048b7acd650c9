// Enter sends and Shift+Enter breaks the line: the decision has to be made in the browser, before the
// keystroke lands in the box, so it cannot wait for the server.
//
// The browser also keeps what must survive losing the server (a restart reloads the page): the unsent text of
// each box, and an outbox of sent messages the server has not yet confirmed, each with its client message id.
// A page that loads with such messages sends them again under the same ids, so each is posted exactly once.

// Messages in an outbox from before this page loaded were lost with the previous page; later ones are in flight.
const loadedAt = Date.now();

function stored(key, fallback) {
    try {
        return JSON.parse(sessionStorage.getItem(key)) ?? fallback;
    } catch {
        return fallback;
    }
}

// crypto.randomUUID exists only on HTTPS and localhost; a workspace may be served over plain HTTP on a LAN.
function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map(b => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function store(key, value) {
    try {
        if (value === null) sessionStorage.removeItem(key);
        else sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
        // Storage full or disabled: the box still works, it just forgets on reload.
    }
}

export function attach(form, textarea, dotnet, options = {}) {
    // With options.focus the box takes the focus even from another box. With options.mentions, typing @ and a few letters asks the server for matching members; while the list is
    // open the arrow keys move through it and Enter or Tab picks. With options.outbox the box is a composer of new
    // messages: it keeps its draft and its unconfirmed sends (an edit box does neither).
    let suggestions = 0;
    // One box per conversation (and thread) and name, in this tab.
    const box = `${location.pathname}${location.search}|${textarea.getAttribute("aria-label")}`;
    const draftKey = `workspace.draft:${box}`;
    const outboxKey = `workspace.outbox:${box}`;

    function saveDraft() {
        if (options.outbox) store(draftKey, textarea.value === "" ? null : textarea.value);
    }

    function setOutbox(update) {
        const outbox = update(stored(outboxKey, []));
        store(outboxKey, outbox.length === 0 ? null : outbox);
    }

    // The box empties at once so that the next message can be typed while this one is handed over; if the
    // server refuses the text, it comes back. If the server is lost instead, the outbox keeps it.
    async function send() {
        const text = textarea.value;
        if (text.trim() === "") return;
        textarea.value = "";
        saveDraft();
        resize();
        if (suggestions > 0) {
            suggestions = 0;
            dotnet.invokeMethodAsync("Suggest", null);
        }
        const id = options.outbox ? newId() : null;
        if (id) setOutbox(outbox => [...outbox, { id, text, at: Date.now() }]);
        let taken = false;
        try {
            taken = await (id ? dotnet.invokeMethodAsync("Send", text, id) : dotnet.invokeMethodAsync("Send", text));
        } catch {
            if (id) return;
        }
        if (!taken) {
            if (id) setOutbox(outbox => outbox.filter(m => m.id !== id));
            textarea.value = textarea.value === "" ? text : text + "\n" + textarea.value;
            saveDraft();
            resize();
        }
    }

    async function resendLost() {
        if (!options.outbox) return;
        for (const message of stored(outboxKey, []).filter(m => m.at < loadedAt)) {
            // Under its first id: if the server had stored it before it was lost, this answers with that message.
            if (!await dotnet.invokeMethodAsync("Send", message.text, message.id))
                setOutbox(outbox => outbox.filter(m => m.id !== message.id));
        }
    }

    function resize() {
        textarea.style.height = "auto";
        textarea.style.height = Math.min(textarea.scrollHeight, 240) + "px";
    }

    function mentionQuery() {
        const before = textarea.value.slice(0, textarea.selectionStart);
        const match = /(^|[\s(])@([\w.-]*)$/.exec(before);
        return match ? match[2] : null;
    }

    async function suggest() {
        if (!options.mentions) return;
        const query = mentionQuery();
        if (query === null && suggestions === 0) return;
        suggestions = await dotnet.invokeMethodAsync("Suggest", query);
    }

    function insert(handle) {
        const caret = textarea.selectionStart;
        const before = textarea.value.slice(0, caret).replace(/@([\w.-]*)$/, `@${handle} `);
        textarea.value = before + textarea.value.slice(caret);
        textarea.setSelectionRange(before.length, before.length);
        textarea.focus();
        suggestions = 0;
        dotnet.invokeMethodAsync("Suggest", null);
        resize();
        saveDraft();
    }

    async function choose() {
        const handle = await dotnet.invokeMethodAsync("Choose");
        if (handle) insert(handle);
    }

    function onKeyDown(event) {
        if (suggestions > 0 && !event.isComposing) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                dotnet.invokeMethodAsync("Move", event.key === "ArrowDown" ? 1 : -1);
                return;
            }
            if (event.key === "Enter" || event.key === "Tab") {
                event.preventDefault();
                choose();
                return;
            }
            if (event.key === "Escape") {
                event.preventDefault();
                suggestions = 0;
                dotnet.invokeMethodAsync("Suggest", null);
                return;
            }
        }
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
        }
    }

    function onSubmit(event) {
        event.preventDefault();
        send();
        textarea.focus();
    }

    function onInput() {
        resize();
        saveDraft();
        suggest();
    }

    if (options.outbox && textarea.value === "") textarea.value = stored(draftKey, "");
    textarea.addEventListener("keydown", onKeyDown);
    textarea.addEventListener("input", onInput);
    form.addEventListener("submit", onSubmit);
    // Take the focus unless someone is already typing somewhere (this box included: leave their cursor alone),
    // or when asked to, as a thread's Reply box is when it opens.
    const typing = document.activeElement?.matches?.("textarea, input:not([type=checkbox])");
    if (options.focus ? document.activeElement !== textarea : !typing) {
        textarea.focus();
        textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    }
    resize();
    // From here on Enter sends; before, it would only have broken the line.
    textarea.dataset.ready = "true";
    resendLost();

    return {
        insert,
        /** The server has settled this message (stored it, or refused it for good): it leaves the outbox. */
        delivered(id) {
            setOutbox(outbox => outbox.filter(m => m.id !== id));
        },
        dispose() {
            textarea.removeEventListener("keydown", onKeyDown);
            textarea.removeEventListener("input", onInput);
            form.removeEventListener("submit", onSubmit);
        },
    };
}
