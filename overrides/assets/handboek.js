// The handbook's own behaviour, on top of Material's. One file, loaded on every page from the
// site itself (no inline script: the pages have a Content-Security-Policy). Without JavaScript
// Material's <label>s for menu and search keep working by mouse and touch.
(() => {
  const drawer = document.getElementById("__drawer");
  const search = document.getElementById("__search");
  const narrow = window.matchMedia("(max-width: 76.234375em)"); // Material: menu is a drawer
  const toggle = (box, open) => {
    if (box.checked === open) return;
    box.checked = open;
    box.dispatchEvent(new Event("change")); // Material watches its checkboxes
  };

  // Menu: a real button with aria-expanded. On a phone or a zoomed desktop the menu is a
  // drawer: closed, it is inert (out of the tab order); open, the rest of the page is inert,
  // Escape closes it and focus goes back to the button.
  const button = document.querySelector("button.handboek-menuknop");
  const label = document.querySelector(".handboek-menulabel");
  const menu = document.querySelector(".md-sidebar--primary");
  const rest = document.querySelectorAll(
    ".md-content, .md-sidebar--secondary, .md-footer, .md-top, .handboek-kop__titel, .md-search",
  );
  if (drawer && button && menu) {
    label?.setAttribute("hidden", "");
    button.hidden = false;
    menu.id ||= "handboek-menu";
    button.setAttribute("aria-controls", menu.id);
    // In the drawer, a part of the menu (a section, or the page's table of contents) is a
    // panel that slides in when its checkbox is checked; closed, it is invisible (opacity 0)
    // but its links could still get focus.
    const panels = [...menu.querySelectorAll("input.md-nav__toggle")].map((box) => [
      box,
      box.parentElement.querySelector(":scope > nav.md-nav"),
    ]);
    const update = () => {
      const open = drawer.checked && narrow.matches;
      button.setAttribute("aria-expanded", String(open));
      menu.inert = narrow.matches && !drawer.checked;
      for (const element of rest) element.inert = open;
      for (const [box, panel] of panels) if (panel) panel.inert = narrow.matches && !box.checked;
    };
    for (const [box] of panels) box.addEventListener("change", update);
    button.addEventListener("click", () => {
      toggle(drawer, !drawer.checked);
      update();
      if (drawer.checked) menu.querySelector("a[href], [tabindex='0']")?.focus();
    });
    drawer.addEventListener("change", update);
    narrow.addEventListener("change", update);
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !drawer.checked || !narrow.matches) return;
      toggle(drawer, false);
      update();
      button.focus();
    });
    update();
  }

  // Search: on a phone a real button opens it, and the search dialog is inert while closed
  // (Material hides it with size 0, so its field was a Tab stop nobody could see). On a wider
  // screen the field is in the header; the results list takes part in the tab order only
  // while search is open (closed, it is a zero-height box).
  const searchButton = document.querySelector(".handboek-zoekknop");
  const field = document.querySelector("[data-md-component=search-query]");
  const dialog = document.querySelector(".md-search");
  const output = document.querySelector(".md-search__output");
  const small = window.matchMedia("(max-width: 59.984375em)"); // Material: search is a dialog
  if (search && field && dialog) {
    document.querySelector(".md-header__button[for='__search']")?.setAttribute("hidden", "");
    const update = () => {
      dialog.inert = small.matches && !search.checked;
      if (output) output.inert = !search.checked;
      if (dialog.inert && dialog.contains(document.activeElement)) searchButton?.focus();
    };
    if (searchButton) {
      searchButton.hidden = false;
      searchButton.addEventListener("click", () => {
        toggle(search, true);
        update();
        field.focus();
      });
    }
    search.addEventListener("change", update);
    small.addEventListener("change", update);
    // Material closes search on Escape by setting the checkbox, without a change event.
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") setTimeout(update);
    });
    update();
  }

  // Search without results: the way on to the environments and the overview.
  const result = document.querySelector("[data-md-component=search-result]");
  const none = document.querySelector(".handboek-zoeken-niets");
  if (result && none) {
    const list = result.querySelector(".md-search-result__list");
    const show = () => {
      none.hidden = !(field.value.trim() && list && list.children.length === 0);
    };
    new MutationObserver(show).observe(result, { childList: true, subtree: true });
    field.addEventListener("input", show);
  }

  // "Afdrukken" on the overview and the print-all page: shown only when it can print.
  for (const print of document.querySelectorAll("button.handboek-afdrukken")) {
    print.addEventListener("click", () => window.print());
    print.hidden = false;
  }
})();
