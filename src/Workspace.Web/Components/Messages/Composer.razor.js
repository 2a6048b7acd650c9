// Enter sends and Shift+Enter breaks the line: the decision has to be made in the browser, before the
// keystroke lands in the box, so it cannot wait for the server.

export function attach(form, textarea, dotnet) {
    // The box empties at once so that the next message can be typed while this one is handed over; if the
    // server refuses the text, it comes back.
    async function send() {
        const text = textarea.value;
        if (text.trim() === "") return;
        textarea.value = "";
        resize();
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

    function onKeyDown(event) {
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

    textarea.addEventListener("keydown", onKeyDown);
    textarea.addEventListener("input", resize);
    form.addEventListener("submit", onSubmit);
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    resize();

    return {
        dispose() {
            textarea.removeEventListener("keydown", onKeyDown);
            textarea.removeEventListener("input", resize);
            form.removeEventListener("submit", onSubmit);
        },
    };
}
