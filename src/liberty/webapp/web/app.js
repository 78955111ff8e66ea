'use strict';
// The analyses list with live batch strips and, for a submitter, a form to upload and analyze a video;
// a page per analysis: state and reasons, downloads, the video with its results (playback.js), players
// table and sheet.
// Everything comes from the REST API under ./api (same login and roles). Pages refresh only while
// something runs.
const api = '../api/analyses';
const ACTIVE = ['STARTING', 'STARTED', 'STOPPING'];
let timer = null;
// After a stop or restart, look again for a while even if nothing shows as running yet.
let pollUntil = 0;
let user = {name: '', roles: []};
// When the page of the analysis shown was asked for (the page's timing goals count from there).
const openedAt = {id: null, t: 0};

// A failed call throws the server's own message ({"error": ...}) when it sent one.
async function json(url) {
  const r = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    throw new Error(body && body.error ? body.error : url + ': ' + r.status);
  }
  return body;
}

// Changes go as JSON (Content-Type application/json): the API takes nothing else, so no cross-site form can.
async function post(url, payload) {
  const r = await fetch(url, {method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(payload || {})});
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error(body.error || url + ': ' + r.status);
  }
  return body;
}

function strip(batches, workers) {
  const box = document.createElement('div');
  box.className = 'strip';
  for (const b of batches || []) {
    const batch = document.createElement('span');
    const w = (workers || [])[b.index] || {};
    batch.className = 'batch';
    batch.dataset.frame = b.frameStart;
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

function cell(content) {
  const td = document.createElement('td');
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content;
  }
  return td;
}

// What an execution's state means for a user, in words.
function state(d) {
  if (d.batchStatus === 'STARTED' && (!d.steps || d.steps.length === 0)) {
    return 'queued (waiting for a free analysis slot)';
  }
  return d.batchStatus.toLowerCase();
}

async function showList() {
  document.getElementById('list').hidden = false;
  document.getElementById('detail').hidden = true;
  document.getElementById('upload').hidden = !user.roles.includes('bbva-submitter');
  const rows = [];
  let active = false;
  for (const a of await json(api)) {
    const d = await json(api + '/' + a.id);
    active = active || ACTIVE.includes(a.batchStatus);
    const tr = document.createElement('tr');
    tr.className = 'analysis';
    tr.dataset.id = a.id;
    tr.append(cell(a.id), cell(a.video), cell(d.supersededBy != null ? 'superseded by ' + d.supersededBy : state(d)),
      cell(d.overallPercent == null ? '' : d.overallPercent + ' %'), cell(strip(d.batches, d.workers)));
    tr.addEventListener('click', () => { location.hash = '#analysis/' + a.id; });
    rows.push(tr);
  }
  document.querySelector('#analyses tbody').replaceChildren(...rows);
  return active;
}

function showReason(text, info, link) {
  const p = document.getElementById('reason');
  p.hidden = !text;
  p.className = 'reason' + (info ? ' info' : '');
  p.textContent = text || '';
  if (link) {
    const a = document.createElement('a');
    a.href = link.href;
    a.textContent = link.text;
    p.append(' ', a);
  }
}

async function showAnalysis(id) {
  document.getElementById('list').hidden = true;
  document.getElementById('detail').hidden = false;
  document.getElementById('title').textContent = 'Analysis ' + id;
  if (openedAt.id !== id) {
    openedAt.id = id;
    openedAt.t = performance.now();
  }
  let d;
  try {
    d = await json(api + '/' + id);
  } catch (e) {
    for (const hide of ['summary', 'actions', 'downloads', 'playerTable']) {
      document.getElementById(hide).hidden = true;
    }
    showReason(e.message);
    return false;
  }
  document.getElementById('title').textContent = 'Analysis ' + id + ': ' + d.video;
  const summary = document.getElementById('summary');
  summary.hidden = false;
  summary.textContent = state(d) + (d.phase ? ' · ' + d.phase : '') + ' · frames '
    + (d.frames ? d.frames.done + '/' + d.frames.total : '-') + ' · ' + (d.overallPercent ?? 0) + ' %';
  if (d.supersededBy != null) {
    showReason('A newer analysis of the same video replaced these results:', true,
      {href: '#analysis/' + d.supersededBy, text: 'analysis ' + d.supersededBy});
  } else if (d.batchStatus === 'FAILED') {
    showReason('Failed: ' + (d.exitStatus || '').replace(/^FAILED:\s*/, '')
      + ' Stored batches are kept: fix the cause, then Restart.');
  } else if (d.batchStatus === 'STOPPED') {
    showReason('Stopped. Restart goes on from the last completed batch.', true);
  } else {
    showReason(null);
  }
  document.getElementById('strip').replaceChildren(strip(d.batches, d.workers));
  const actions = document.getElementById('actions');
  actions.hidden = !user.roles.includes('bbva-submitter');
  actions.dataset.id = id;
  const active = ACTIVE.includes(d.batchStatus);
  document.getElementById('stop').disabled = !active;
  document.getElementById('restart').disabled = active || d.batchStatus === 'COMPLETED' || d.supersededBy != null;
  // results are drawn from stored batches: there are none before the first batch is detected
  if (d.supersededBy == null && d.frames && d.frames.done > 0) {
    await Playback.open(id, openedAt.t);
  }
  const done = d.batchStatus === 'COMPLETED' && d.supersededBy == null;
  showDownloads(id, d.video, done);
  const players = document.getElementById('players');
  // players are made by the last step (identify), after every batch is read: ask once the job has completed
  if (done && !players.src.endsWith('/' + id + '/players.png')) {
    players.src = api + '/' + id + '/players.png';
    await Playback.refreshTeams();
    const t0 = performance.now();
    await showPlayers(id, d.fps || 25);
    document.getElementById('playerTable').dataset.ms = Math.round(performance.now() - t0);
  }
  return active;
}

function showDownloads(id, video, done) {
  document.getElementById('downloads').hidden = !done;
  const base = (video || 'video').split('/').pop().replace(/[^A-Za-z0-9._-]/g, '_') + '-analysis-' + id;
  const links = {downloadJson: ['/export', base + '.json'], downloadCsv: ['/export?format=csv', base + '-csv.zip'],
    downloadSheet: ['/players.png', base + '-players.png']};
  for (const [elementId, [path, name]] of Object.entries(links)) {
    const a = document.getElementById(elementId);
    a.href = api + '/' + id + path;
    a.download = name;
  }
}

// As bbva.render.Clock: rounded once, so 299.97 s is 5:00.0, not 4:60.0.
function clock(frame, fps) {
  const tenths = Math.round(frame / fps * 10);
  return Math.floor(tenths / 600) + ':' + ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
}

// One row per track long enough to trust, by team then number: what a coach reads first.
async function showPlayers(id, fps) {
  const [players, teams] = await Promise.all([json(api + '/' + id + '/players'), json(api + '/' + id + '/teams')]);
  const colour = Object.fromEntries(teams.map(t => [t.team, t.color]));
  const rows = players.filter(p => !p.shortTrack)
    .sort((a, b) => (a.team ?? 99) - (b.team ?? 99) || (a.number ?? '~').localeCompare(b.number ?? '~', undefined, {numeric: true})
      || a.trackId - b.trackId)
    .map(p => {
      const tr = document.createElement('tr');
      tr.className = 'player';
      const team = document.createElement('span');
      if (p.team != null) {
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = colour[p.team];
        team.append(swatch, String(p.team));
      } else {
        team.textContent = 'none';
      }
      tr.append(cell(team), cell(p.number ?? '-'), cell(p.confidence.toFixed(2)), cell((p.framesSeen / fps).toFixed(1) + ' s'),
        cell(clock(p.firstFrame, fps)), cell(clock(p.lastFrame, fps)), cell(p.trackId));
      tr.dataset.track = p.trackId;
      tr.addEventListener('click', () => showTrack(id, p, fps, tr));
      return tr;
    });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    tr.className = 'none';
    const td = cell('No players were found in this video (no person was tracked long enough).');
    td.colSpan = 7;
    tr.appendChild(td);
    rows.push(tr);
  }
  document.querySelector('#playerTable tbody').replaceChildren(...rows);
  document.getElementById('playerTable').hidden = false;
}

// A player's clearest pictures, and the video at the first frame they appear in.
function showTrack(id, p, fps, row) {
  for (const other of document.querySelectorAll('#playerTable tr.chosen')) {
    other.classList.remove('chosen');
  }
  row.classList.add('chosen');
  document.getElementById('trackView').hidden = false;
  document.getElementById('trackTitle').textContent = (p.number != null ? '#' + p.number : 'track ' + p.trackId)
    + (p.team != null ? ', team ' + p.team : '') + ': on screen from ' + clock(p.firstFrame, fps) + ' to ' + clock(p.lastFrame, fps);
  document.getElementById('trackPictures').src = api + '/' + id + '/playback/tracks/' + p.trackId + '.png';
  Playback.seek(p.firstFrame);
}

// The annotated MP4 is written on the server once, on request; its progress shows until the download starts.
async function renderVideo(event) {
  event.preventDefault();
  const id = Playback.current() || document.getElementById('actions').dataset.id;
  const state = document.getElementById('videoRender');
  const url = api + '/' + id + '/playback/annotated';
  try {
    let p = await post(url);
    while (p.state !== 'READY') {
      if (p.state === 'FAILED') {
        throw new Error(p.reason);
      }
      state.textContent = 'drawing the video: ' + (p.framesTotal ? Math.round(100 * p.framesDone / p.framesTotal) : 0) + ' %';
      await new Promise(r => setTimeout(r, 1000));
      p = await json(url);
    }
    state.textContent = 'ready';
    const a = document.createElement('a');
    a.href = url;
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } catch (e) {
    state.textContent = e.message;
  }
}

async function route() {
  clearTimeout(timer);
  const m = location.hash.match(/^#analysis\/(\d+)$/);
  let active = false;
  try {
    active = await (m ? showAnalysis(m[1]) : showList());
    document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString()
      + (active ? '' : ' (nothing running: not refreshing)');
  } catch (e) {
    document.getElementById('status').textContent = e.message;
    active = true;   // the server may be back in a moment
  }
  if (active || Date.now() < pollUntil) {
    timer = setTimeout(route, 2000);
  }
}

async function act(action) {
  const id = document.getElementById('actions').dataset.id;
  const result = document.getElementById('actionResult');
  result.textContent = action === 'stop'
    ? 'stopping: the analysis ends at its next checkpoint, which can take a little while'
    : 'asking to restart';
  pollUntil = Date.now() + 15000;
  try {
    await post(api + '/' + id + '/' + action);
    result.textContent = 'asked: ' + action + (action === 'stop' ? ' (the analysis ends at its next checkpoint)' : '');
  } catch (e) {
    result.textContent = e.message;
  }
  route();
}

// A name the server takes (letters, digits, . _ -), made unique: an upload never replaces a file.
function uploadName(file) {
  const dot = file.name.lastIndexOf('.');
  const stem = (dot > 0 ? file.name.slice(0, dot) : file.name).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80) || 'video';
  const ext = dot > 0 ? file.name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stamp = new Date().toISOString().replace(/[^0-9]/g, '').slice(0, 14);
  return (/^[A-Za-z0-9]/.test(stem) ? stem : 'v' + stem) + '-' + stamp + ext;
}

function upload(file, progress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', '../api/uploads?name=' + encodeURIComponent(uploadName(file)));
    x.setRequestHeader('Content-Type', 'application/octet-stream');
    x.setRequestHeader('Accept', 'application/json');
    x.upload.onprogress = e => { if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); } };
    x.onload = () => {
      let body = {};
      try { body = JSON.parse(x.responseText); } catch (ignored) { /* not JSON */ }
      if (x.status === 201) {
        resolve(body);
      } else {
        reject(new Error(body.error || 'upload: HTTP ' + x.status));
      }
    };
    x.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    x.send(file);
  });
}

async function uploadAndAnalyze(event) {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  const result = document.getElementById('uploadResult');
  const progress = document.getElementById('uploadProgress');
  if (!file) {
    result.textContent = 'Choose a video first.';
    return;
  }
  const send = document.getElementById('send');
  send.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  result.textContent = 'uploading ' + file.name;
  try {
    const stored = await upload(file, progress);
    result.textContent = 'uploaded; starting the analysis';
    const options = {frameStride: document.getElementById('stride').value, teams: document.getElementById('teams').value,
      ocrEnabled: String(document.getElementById('ocr').checked)};
    const detector = document.getElementById('detector').value;
    if (detector) {
      options.detector = detector;
    }
    const started = await post(api, {video: stored.video, options});
    result.textContent = '';
    location.hash = '#analysis/' + started.id;
  } catch (e) {
    result.textContent = e.message;
  } finally {
    send.disabled = false;
    progress.hidden = true;
  }
}

document.getElementById('prevFrame').addEventListener('click', () => Playback.step(-1));
document.getElementById('nextFrame').addEventListener('click', () => Playback.step(1));
document.addEventListener('keydown', e => {
  if (e.target.tagName !== 'INPUT' && (e.key === ',' || e.key === '.')) {
    Playback.step(e.key === ',' ? -1 : 1);
  }
});
document.getElementById('strip').addEventListener('click', e => {
  const batch = e.target.closest('.batch');
  if (batch) {
    Playback.seek(Number(batch.dataset.frame));
  }
});
document.getElementById('downloadVideo').addEventListener('click', renderVideo);
document.getElementById('stop').addEventListener('click', () => act('stop'));
document.getElementById('restart').addEventListener('click', () => act('restart'));
document.getElementById('upload').addEventListener('submit', uploadAndAnalyze);
window.addEventListener('hashchange', () => {
  Playback.close();
  document.getElementById('players').removeAttribute('src');
  document.getElementById('trackPictures').removeAttribute('src');
  document.getElementById('trackView').hidden = true;
  document.getElementById('videoRender').textContent = '';
  document.querySelector('#playerTable tbody').replaceChildren();
  document.getElementById('playerTable').hidden = true;
  document.getElementById('actionResult').textContent = '';
  route();
});
json('../api/user').then(u => {
  user = u;
  document.getElementById('user').textContent = u.name;
}).finally(route);
