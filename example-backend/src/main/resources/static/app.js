'use strict';
// The page keeps a local copy of the list, fed by the API and by WebSocket events. Whenever the API
// fails it says why in the banner and retries with backoff; the banner clears on the first success.
(function () {
  const REFRESH_MS = 5000;
  const MAX_BACKOFF_MS = 8000;
  const state = { connections: new Map(), editing: null, failures: 0, timer: null, socketFailures: 0 };
  const $ = (id) => document.getElementById(id);
  // One Idempotency-Key per intended change, kept until the server gives a final answer: a write
  // sent again after no answer (or 503 outcome_unknown) is applied once, and its answer replayed.
  const pendingKeys = new Map();

  function showBanner(text) {
    const banner = $('banner');
    banner.textContent = text;
    banner.hidden = false;
  }

  function clearBanner() {
    $('banner').hidden = true;
    $('banner').textContent = '';
  }

  function idempotencyKey(signature) {
    if (!pendingKeys.has(signature)) {
      // randomUUID exists only in secure contexts; getRandomValues everywhere.
      const key = crypto.randomUUID ? crypto.randomUUID()
        : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      pendingKeys.set(signature, key);
    }
    return pendingKeys.get(signature);
  }

  function describe(error) {
    if (error.body && error.body.error === 'outcome_unknown') {
      return 'The database did not confirm this change, so it may or may not be saved. Send it again: it will not be saved twice.';
    }
    if (error.body && error.body.error === 'database_unavailable') {
      return 'The database is unreachable: the list may be out of date and changes cannot be saved.';
    }
    if (error.status) {
      return 'The backend answered ' + error.status + (error.body && error.body.message ? ': ' + error.body.message : '') + '.';
    }
    return 'The backend is unavailable: it cannot be reached.';
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    const signature = method === 'GET' ? null : method + ' ' + path + ' ' + JSON.stringify(body || null);
    if (signature) headers['Idempotency-Key'] = idempotencyKey(signature);
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store',
      });
    } catch (e) {
      throw { status: 0, body: null };
    }
    if (signature && response.status < 500) pendingKeys.delete(signature);
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
    if (!response.ok) {
      throw { status: response.status, body: parsed };
    }
    return parsed;
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(refresh, delay);
  }

  async function refresh() {
    const params = new URLSearchParams({ limit: '200' });
    if ($('filter-name').value.trim()) params.set('name', $('filter-name').value.trim());
    if ($('filter-status').value) params.set('status', $('filter-status').value);
    try {
      const page = await api('GET', '/api/connections?' + params);
      state.connections = new Map(page.items.map((c) => [c.id, c]));
      state.failures = 0;
      clearBanner();
      render(page.total);
      schedule(REFRESH_MS);
    } catch (error) {
      state.failures += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** state.failures);
      showBanner(describe(error) + ' Retrying in ' + Math.round(delay / 1000) + ' s.');
      schedule(delay);
    }
  }

  function cell(text, className) {
    const td = document.createElement('td');
    if (className) {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = text;
      td.appendChild(span);
    } else {
      td.textContent = text;
    }
    return td;
  }

  function render(total) {
    const body = document.querySelector('#connections tbody');
    body.replaceChildren();
    const items = [...state.connections.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const c of items) {
      const row = document.createElement('tr');
      row.dataset.id = c.id;
      row.dataset.name = c.name;
      row.append(
        cell(c.name), cell(c.host + ':' + c.port), cell(c.protocol),
        cell(c.status, 'status ' + c.status),
        cell(c.latencyMs == null ? '–' : c.latencyMs + ' ms'),
        cell(c.checkedAt ? new Date(c.checkedAt).toLocaleTimeString() : 'never'));
      const actions = document.createElement('td');
      actions.append(button('Edit', () => edit(c)), button('Delete', () => remove(c)));
      row.appendChild(actions);
      body.appendChild(row);
    }
    $('empty').hidden = items.length > 0;
    $('count').textContent = (total === undefined ? items.length : total) + ' connections';
  }

  function button(label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function edit(c) {
    state.editing = c.id;
    for (const field of ['name', 'host', 'port', 'protocol', 'description']) $(field).value = c[field];
    $('form-title').textContent = 'Edit ' + c.name;
    $('save').textContent = 'Save';
    $('cancel').hidden = false;
  }

  function resetForm() {
    state.editing = null;
    $('form').reset();
    clearErrors();
    $('form-title').textContent = 'Add a connection';
    $('save').textContent = 'Add';
    $('cancel').hidden = true;
  }

  function clearErrors() {
    document.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
  }

  function showErrors(error) {
    clearErrors();
    const fields = (error.body && error.body.fields) || {};
    for (const [field, message] of Object.entries(fields)) {
      const target = document.querySelector('.error[data-for="' + field + '"]') || document.querySelector('.error[data-for="form"]');
      target.textContent = field + ' ' + message;
    }
    if (Object.keys(fields).length === 0) {
      document.querySelector('.error[data-for="form"]').textContent = describe(error);
    }
  }

  async function remove(c) {
    try {
      await api('DELETE', '/api/connections/' + c.id);
      state.connections.delete(c.id);
      render();
    } catch (error) {
      showBanner(describe(error));
    }
  }

  $('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const port = Number($('port').value);
    const body = {
      name: $('name').value, host: $('host').value, port: $('port').value === '' ? null : port,
      protocol: $('protocol').value, description: $('description').value,
    };
    try {
      const saved = state.editing == null
        ? await api('POST', '/api/connections', body)
        : await api('PUT', '/api/connections/' + state.editing, body);
      state.connections.set(saved.id, saved);
      render();
      resetForm();
    } catch (error) {
      showErrors(error);
    }
  });
  $('cancel').addEventListener('click', resetForm);
  $('filter-name').addEventListener('input', () => schedule(250));
  $('filter-status').addEventListener('change', () => schedule(0));

  function connectEvents() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + location.host + '/ws');
    socket.onopen = () => {
      state.socketFailures = 0;
      $('live').textContent = 'live';
      $('live').classList.add('on');
      schedule(0);
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(message.data);
      if (event.type === 'deleted') {
        state.connections.delete(event.id);
      } else if (event.connection) {
        state.connections.set(event.connection.id, event.connection);
      }
      render();
    };
    socket.onclose = () => {
      $('live').textContent = 'reconnecting…';
      $('live').classList.remove('on');
      state.socketFailures += 1;
      setTimeout(connectEvents, Math.min(MAX_BACKOFF_MS, 500 * 2 ** state.socketFailures));
    };
  }

  refresh();
  connectEvents();
})();
