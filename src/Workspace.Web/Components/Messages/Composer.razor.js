// Enter sends and Shift+Enter breaks the line: the decision has to be made in the browser, before the
// keystroke lands in the box, so it cannot wait for the server.

export function attach(form, textarea, dotnet) {
    let sending = false;

    async function send() {
        const text = textarea.value;
        if (sending || text.trim() === "") return;
        sending = true;
        try {
            // Whatever was typed while the send was being accepted stays in the box.
            if (await dotnet.invokeMethodAsync("Send", text) && textarea.value.startsWith(text)) {
                textarea.value = textarea.value.slice(text.length).replace(/^\n/, "");
                resize();
            }
        } finally {
            sending = false;
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

    return {
        dispose() {
            textarea.removeEventListener("keydown", onKeyDown);
            textarea.removeEventListener("input", resize);
            form.removeEventListener("submit", onSubmit);
        },
    };
}
