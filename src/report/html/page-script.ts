/**
 * What the report does where scripts run, and nothing it needs: copy buttons for commands, and
 * sorting the gradebook by name or score. Everything else works with scripts off.
 */
export const PAGE_SCRIPT = `
for (const button of document.querySelectorAll('button.copy')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const done = (word) => { button.textContent = word; setTimeout(() => (button.textContent = 'copy'), 1500); };
    if (navigator.clipboard) navigator.clipboard.writeText(button.dataset.copy).then(() => done('copied'), () => done('select and copy'));
    else done('select and copy');
  });
}
for (const button of document.querySelectorAll('button.sort')) {
  button.addEventListener('click', () => {
    const head = button.closest('th');
    const table = button.closest('table');
    const order = head.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
    for (const th of table.querySelectorAll('th[aria-sort]')) th.setAttribute('aria-sort', 'none');
    head.setAttribute('aria-sort', order);
    const key = button.dataset.key;
    const value = (tr) => (key === 'score' ? Number(tr.dataset.score) : tr.dataset.name);
    const body = table.tBodies[0];
    const rows = [...body.rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const c = x < y ? -1 : x > y ? 1 : 0;
      return order === 'ascending' ? c : -c;
    });
    body.append(...rows);
  });
}
`;
