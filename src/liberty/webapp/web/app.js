'use strict';
// The analyses list with live batch strips, and a page per analysis: frame viewer and players sheet.
// Everything comes from the REST API under ./api (same login and roles).
const api = '../api/analyses';
let timer = null;
let user = {name: '', roles: []};

async function json(url) {
  const r = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!r.ok) {
    throw new Error(url + ': ' + r.status);
  }
  return r.json();
}

// Changes go as JSON (Content-Type application/json): the API takes nothing else, so no cross-site form can.
async function post(url) {
  const r = await fetch(url, {method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: '{}'});
  const body = await r.json();
  return r.ok ? 'asked: ' + url.split('/').pop() : body.error;
}

function strip(batches, workers) {
  const box = document.createElement('div');
  box.className = 'strip';
  for (const b of batches || []) {
    const batch = document.createElement('span');
    const w = (workers || [])[b.index] || {};
    batch.className = 'batch';
    batch.title = 'batch ' + b.index + ': frames ' + b.frameStart + '-' + b.frameEnd
      + ', detection ' + b.detectionStatus + (w.detectedBy ? ' (' + w.detectedBy + ')' : '')
      + ', OCR ' + b.ocrStatus + (w.readBy ? ' (' + w.readBy + ')' : '');
    for (const s of [b.detectionStatus, b.ocrStatus]) {
      const cell = document.createElement('span');
      cell.className = 'cell ' + s;
      batch.appendChild(cell);
    }
    box.appendChild(batch);
  }
  return box;
}

function text(content) {
  const td = document.createElement('td');
  td.textContent = content;
  return td;
}

async function showList() {
  document.getElementById('list').hidden = false;
  document.getElementById('detail').hidden = true;
  const rows = [];
  for (const a of await json(api)) {
    const d = await json(api + '/' + a.id);
    const tr = document.createElement('tr');
    tr.className = 'analysis';
    tr.dataset.id = a.id;
    tr.append(text(a.id), text(a.video), text(a.batchStatus),
      text(d.overallPercent == null ? '' : d.overallPercent + ' %'));
    const cells = document.createElement('td');
    cells.appendChild(strip(d.batches, d.workers));
    tr.appendChild(cells);
    tr.addEventListener('click', () => { location.hash = '#analysis/' + a.id; });
    rows.push(tr);
  }
  document.querySelector('#analyses tbody').replaceChildren(...rows);
}

async function showAnalysis(id) {
  document.getElementById('list').hidden = true;
  document.getElementById('detail').hidden = false;
  const d = await json(api + '/' + id);
  document.getElementById('title').textContent = 'Analysis ' + id + ': ' + d.video;
  document.getElementById('summary').textContent = d.batchStatus + ' · ' + (d.phase || '') + ' · frames '
    + (d.frames ? d.frames.done + '/' + d.frames.total : '-') + ' · ' + (d.overallPercent ?? 0) + ' %';
  document.getElementById('strip').replaceChildren(strip(d.batches, d.workers));
  const actions = document.getElementById('actions');
  actions.hidden = !user.roles.includes('bbva-submitter');
  actions.dataset.id = id;
  const active = ['STARTING', 'STARTED', 'STOPPING'].includes(d.batchStatus);
  document.getElementById('stop').disabled = !active;
  document.getElementById('restart').disabled = active || d.batchStatus === 'COMPLETED' || d.supersededBy != null;
  const slider = document.getElementById('frame');
  const total = d.frames ? d.frames.total : 0;
  // frames are drawn from stored results: there are none before the first batch is detected
  if (d.frames && d.frames.done > 0 && slider.dataset.total !== String(total)) {
    slider.dataset.total = total;
    slider.max = total - 1;
    slider.dataset.id = id;
    showFrame();
  }
  const players = document.getElementById('players');
  // players are made by the last step (identify), after every batch is read: ask once the job has completed
  if (d.batchStatus === 'COMPLETED' && !players.src.endsWith('/' + id + '/players.png')) {
    players.src = api + '/' + id + '/players.png';
  }
}

function showFrame() {
  const slider = document.getElementById('frame');
  document.getElementById('frameNumber').textContent = slider.value;
  document.getElementById('frameImage').src = api + '/' + slider.dataset.id + '/frames/' + slider.value;
}

async function route() {
  clearTimeout(timer);
  const m = location.hash.match(/^#analysis\/(\d+)$/);
  try {
    await (m ? showAnalysis(m[1]) : showList());
    document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById('status').textContent = e.message;
  }
  timer = setTimeout(route, 2000);
}

async function act(action) {
  const id = document.getElementById('actions').dataset.id;
  document.getElementById('actionResult').textContent = await post(api + '/' + id + '/' + action);
  route();
}

document.getElementById('frame').addEventListener('change', showFrame);
document.getElementById('stop').addEventListener('click', () => act('stop'));
document.getElementById('restart').addEventListener('click', () => act('restart'));
window.addEventListener('hashchange', () => {
  delete document.getElementById('frame').dataset.total;
  document.getElementById('players').removeAttribute('src');
  document.getElementById('actionResult').textContent = '';
  route();
});
json('../api/user').then(u => {
  user = u;
  document.getElementById('user').textContent = u.name;
}).finally(route);
