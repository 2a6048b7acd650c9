// Enter sends and Shift+Enter breaks the line: the decision has to be made in the browser, before the
// keystroke lands in the box, so it cannot wait for the server.

export function attach(form, textarea, dotnet, options = {}) {
    // With options.focus the box takes the focus even from another box. With options.mentions, typing @ and a few letters asks the server for matching members; while the list is
    // open the arrow keys move through it and Enter or Tab picks.
    let suggestions = 0;
    // The box empties at once so that the next message can be typed while this one is handed over; if the
    // server refuses the text, it comes back.
    async function send() {
        const text = textarea.value;
        if (text.trim() === "") return;
        textarea.value = "";
        resize();
        if (suggestions > 0) {
            suggestions = 0;
            dotnet.invokeMethodAsync("Suggest", null);
        }
        let taken = false;
        try {
            taken = await dotnet.invokeMethodAsync("Send", text);
        } finally {
            if (!taken) {
                textarea.value = textarea.value === "" ? text : text + "\n" + textarea.value;
                resize();
            }
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
        suggest();
    }

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

    return {
        insert,
        dispose() {
            textarea.removeEventListener("keydown", onKeyDown);
            textarea.removeEventListener("input", onInput);
            form.removeEventListener("submit", onSubmit);
        },
    };
}
