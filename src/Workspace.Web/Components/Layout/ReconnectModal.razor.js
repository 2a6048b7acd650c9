// Shows the reconnect dialog and mirrors the live connection's state on <html data-circuit>. A circuit the
// server no longer knows (after a restart) cannot be resumed: the page reloads and catches up from the database.

const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

// Blazor stops trying after a while; the server may come back later still (a slow restart, a long outage).
const keepTryingEvery = 5000;
let keepTrying;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        window.workspace.setCircuit("reconnecting");
        if (!reconnectModal.open) reconnectModal.showModal();
    } else if (state === "hide") {
        clearInterval(keepTrying);
        keepTrying = undefined;
        window.workspace.setCircuit("connected");
        reconnectModal.close();
    } else if (state === "failed") {
        window.workspace.setCircuit("disconnected");
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        keepTrying ??= setInterval(retry, keepTryingEvery);
    } else if (state === "rejected") {
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    try {
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (!resumed) location.reload();
            else reconnectModal.close();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) location.reload();
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") await retry();
}
