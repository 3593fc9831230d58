// Transitions are off while a reader switches the colour scheme, as Material intends, so the
// page changes colour at once. Material's rule for that hangs on this class (hooks/theme_startup.py)
// rather than on the attribute its script also sets when every page starts.
document.addEventListener(
  "change",
  (event) => {
    if (!event.target.closest("[data-md-component=palette]")) return;
    const root = document.documentElement;
    root.classList.add("md-reader-switching");
    // Material switches in this event and takes its own attribute off a task later
    setTimeout(() => root.classList.remove("md-reader-switching"));
  },
  true, // capture: before Material's listener on the input
);
