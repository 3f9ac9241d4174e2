/**
 * The class page's one script, allowed by its hash: sorts the groups by a column, and shows only the groups a
 * filter keeps. It reads the page's own data attributes and nothing of any report.
 */
export const classScript = `"use strict";
(() => {
  const table = document.querySelector("table.groups");
  if (!table) return;
  const groups = () => Array.from(table.tBodies);
  const compare = (a, b, key) => {
    const x = a.dataset[key] || "";
    const y = b.dataset[key] || "";
    const nx = Number(x);
    const ny = Number(y);
    return x !== "" && y !== "" && !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
  };
  let sortedBy = null;
  let direction = 1;
  for (const button of table.querySelectorAll("th button[data-sort]")) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      direction = sortedBy === key ? -direction : button.dataset.first === "descending" ? -1 : 1;
      sortedBy = key;
      const order = groups().sort((a, b) => direction * compare(a, b, key) || compare(a, b, "group"));
      for (const group of order) table.append(group);
      for (const th of table.querySelectorAll("th")) th.removeAttribute("aria-sort");
      button.closest("th").setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
    });
  }
  const errorsOnly = document.getElementById("filter-errors");
  const item = document.getElementById("filter-item");
  const question = document.getElementById("filter-question");
  const shown = document.getElementById("shown-count");
  const has = (list, value) => (list || "").split(" ").includes(value);
  const apply = () => {
    let count = 0;
    for (const group of groups()) {
      const keep =
        (!errorsOnly.checked || group.dataset.errors !== "0") &&
        (item.value === "" || has(group.dataset.items, item.value)) &&
        (question.value === "" || has(group.dataset.questions, question.value));
      group.hidden = !keep;
      if (keep) count++;
    }
    for (const cell of document.querySelectorAll("[data-q]"))
      cell.classList.toggle("focus", cell.dataset.q === question.value);
    shown.textContent = String(count);
  };
  for (const control of [errorsOnly, item, question]) control.addEventListener("change", apply);
  apply();
})();
`;
