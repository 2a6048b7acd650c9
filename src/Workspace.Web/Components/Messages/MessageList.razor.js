// The list is a column-reverse scroller: it starts at the bottom, stays there as messages arrive, and keeps
// its place when older messages are added above.

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
    return {
        recheck() {
            observer.unobserve(older);
            observer.unobserve(newer);
            observer.observe(older);
            observer.observe(newer);
        },
        dispose() { observer.disconnect(); },
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
