"""Completing a form with the keyboard alone, checking that focus is always visible.

Used by `test_pages` for every public form and by the journeys for forms that
only appear on the way (the satisfaction survey after an answer).
"""

# Tab stops checked from the top of a page: the skip link, the header, the
# navigation, the breadcrumbs and the start of the content.
TOP_STOPS = 25

# Marks the form's controls a keyboard user must reach, one key per tab stop
# (a group of radio buttons is one stop; arrow keys move within it). Hidden
# controls, the honeypot (aria-hidden, tabindex -1) and disabled ones are not
# stops.
MARK_CONTROLS = """form => {
    form.dataset.e2eForm = "1";
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const controls = [...form.querySelectorAll("input, select, textarea, button")].filter(el =>
        el.type !== "hidden" && !el.disabled && el.tabIndex >= 0 && shown(el)
        && !el.closest('[aria-hidden="true"], [inert]'));
    controls.forEach((el, i) => {
        el.dataset.e2eKey = el.type === "radio" ? "radio:" + el.name : el.tagName + ":" + (el.name || el.id || i);
    });
    return [...new Set(controls.map(el => el.dataset.e2eKey))];
}"""

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
        key: el.dataset.e2eKey || null,
        inForm: !!el.closest("[data-e2e-form]"),
        submit: el.type === "submit",
        radio: el.type === "radio",
        checked: !!el.checked,
        visible: outline || style.boxShadow !== "none",
        what: el.outerHTML.slice(0, 120),
    };
}"""


def focused(page):
    """What has the focus now, and whether it shows (outline or box shadow)."""
    info = page.evaluate(FOCUSED)
    if info is not None:
        assert info["visible"], f"{page.url}: focus not visible on {info['what']}"
    return info


def tab_from_the_top(page, stops=TOP_STOPS):
    """Tab through the first stops of a freshly loaded page; each shows its focus."""
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused(page)


def complete_form(page, selector):
    """Reach every control of the form with Tab, answer radio groups with Space, send it with Enter.

    Returns the response to the form's submission.
    """
    form = page.locator(selector)
    assert form.count() == 1, f"{page.url}: {form.count()} forms match {selector}"
    wanted = set(form.evaluate(MARK_CONTROLS))
    assert wanted, f"{page.url}: no controls in {selector}"
    # Start just before the form, as if the visitor had tabbed down to it.
    form.evaluate("form => { form.tabIndex = -1; form.focus(); }")
    reached = set()
    for _ in range(3 * len(wanted) + 10):
        page.keyboard.press("Tab")
        info = focused(page)
        if info is None or not info["inForm"]:
            break
        if info["key"]:
            reached.add(info["key"])
        if info["radio"] and not info["checked"]:
            page.keyboard.press("Space")
    missing = wanted - reached
    assert not missing, f"{page.url}: not reachable with Tab in {selector}: {sorted(missing)}"

    # Back to the submit button with Shift+Tab, and send the form with Enter.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        info = focused(page)
        if info and info["inForm"] and info["submit"]:
            break
    else:
        raise AssertionError(f"{page.url}: no submit button reached with Shift+Tab in {selector}")
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    assert response is not None and response.status < 400, f"{page.url}: sending {selector} gave {response}"
    return response
