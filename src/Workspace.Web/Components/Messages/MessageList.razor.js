// The list is a column-reverse scroller: it starts at the bottom, stays there as messages arrive, and keeps
// its place when older messages are added above.

const nearNewest = 100;

export function observe(container, dotnet) {
    const older = container.querySelector(".load-older");
    const newer = container.querySelector(".load-newer");
    const observer = new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            dotnet.invokeMethodAsync(entry.target === older ? "LoadOlder" : "LoadNewer");
        }
    }, { root: container, rootMargin: "300px 0px" });
    observer.observe(older);
    observer.observe(newer);

    // Whether the newest messages are in view (a column-reverse scroller is at 0 there): only then may the page let
    // the oldest go as new ones arrive.
    let atNewest = true;
    function checkNewest() {
        const now = container.scrollTop > -nearNewest;
        if (now === atNewest) return;
        atNewest = now;
        dotnet.invokeMethodAsync("AtNewest", now);
    }

    // "Jump to first unread" shows while the New messages line exists but is out of view.
    let frame = 0;
    function checkScroll() {
        frame = 0;
        checkNewest();
        const separator = container.querySelector(".new-messages");
        let away = false;
        if (separator) {
            const line = separator.getBoundingClientRect();
            const view = container.getBoundingClientRect();
            away = line.bottom < view.top || line.top > view.bottom;
        }
        container.parentElement.classList.toggle("unread-away", away);
    }
    const onScroll = () => { if (!frame) frame = requestAnimationFrame(checkScroll); };
    container.addEventListener("scroll", onScroll, { passive: true });
    const mutations = new MutationObserver(onScroll);
    mutations.observe(container, { childList: true, subtree: true });

    // A mention of a person opens their profile card, as their name above a message does.
    const onClick = event => {
        const mention = event.target.closest(".message-body .mention[data-handle]");
        if (!mention || mention.dataset.handle === "channel" || mention.dataset.handle === "here") return;
        event.preventDefault();
        dotnet.invokeMethodAsync("ShowProfile", mention.dataset.handle, mention.textContent.replace(/^@/, ""));
    };
    container.addEventListener("click", onClick);
    return {
        recheck() {
            observer.unobserve(older);
            observer.unobserve(newer);
            observer.observe(older);
            observer.observe(newer);
        },
        dispose() {
            observer.disconnect();
            mutations.disconnect();
            container.removeEventListener("scroll", onScroll);
            container.removeEventListener("click", onClick);
        },
    };
}

export function scrollToStart(container, highlightSeq) {
    if (highlightSeq) {
        const target = container.querySelector(`article[data-seq="${highlightSeq}"]`);
        if (target) { target.scrollIntoView({ block: "center" }); return; }
    }
    const separator = container.querySelector(".new-messages");
    if (separator) {
        const top = separator.getBoundingClientRect().top - container.getBoundingClientRect().top;
        if (top < 0) separator.scrollIntoView({ block: "start" });
        return;
    }
    container.scrollTop = 0;
}

export function scrollToSeparator(container) {
    container.querySelector(".new-messages")?.scrollIntoView({ block: "start", behavior: "smooth" });
}
