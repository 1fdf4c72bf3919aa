// Glossary webview script: search (Korean/English/aliases), related-note links and "reveal" messages.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const search = /** @type {HTMLInputElement} */ (document.getElementById('search'));
  const count = document.getElementById('count');
  const empty = document.getElementById('empty');
  const notes = Array.from(document.querySelectorAll('article.note'));
  const topics = Array.from(document.querySelectorAll('section.topic'));
  const suffix = (count && count.textContent ? count.textContent.replace(/^\d+/, '') : '');

  function applyFilter() {
    const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const note of notes) {
      const haystack = note.getAttribute('data-search') || '';
      const visible = terms.every((t) => haystack.includes(t));
      note.toggleAttribute('hidden', !visible);
      if (visible) shown++;
    }
    for (const topic of topics) topic.toggleAttribute('hidden', !topic.querySelector('article.note:not([hidden])'));
    if (count) count.textContent = shown + suffix;
    if (empty) empty.hidden = shown !== 0;
    vscode.setState({ query: search.value });
  }

  function reveal(id) {
    const target = document.getElementById('note-' + id);
    if (!target) return;
    if (target.hasAttribute('hidden')) {
      search.value = '';
      applyFilter();
    }
    target.scrollIntoView({ block: 'start' });
    target.classList.add('focused');
    setTimeout(() => target.classList.remove('focused'), 1500);
  }

  search.addEventListener('input', applyFilter);
  document.addEventListener('click', (event) => {
    const link = /** @type {HTMLElement} */ (event.target).closest('a[data-note]');
    if (link) {
      event.preventDefault();
      reveal(link.getAttribute('data-note'));
    }
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'reveal' && typeof message.id === 'string') reveal(message.id);
  });

  const state = vscode.getState();
  if (state && typeof state.query === 'string' && state.query) {
    search.value = state.query;
    applyFilter();
  }
  const focus = document.body.getAttribute('data-focus');
  if (focus) reveal(focus);
  vscode.postMessage({ type: 'ready' });
})();
