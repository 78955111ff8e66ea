'use strict';
// The analysed video in the browser with its stored results drawn over it on a canvas: boxes, track
// ids, numbers, team colours and the court outline. Results come in pages of frames from
// ./api/analyses/ID/playback/boxes; a page with frames not analysed yet is asked again, so results
// appear while the analysis runs. The frame shown is the one the browser presents
// (requestVideoFrameCallback's mediaTime x fps).
const Playback = (() => {
  const PAGE = 300;
  const NO_TEAM = '#e0e0e0';
  let id = null;
  let fps = 25;
  let frameCount = 0;
  let pages = new Map();
  let teamColour = {};
  let shown = -1;
  let opened = 0;
  let seekStarted = null;
  let sourceTimer = null;
  const video = () => document.getElementById('video');
  const overlay = () => document.getElementById('overlay');

  function frameOf(seconds) {
    return Math.min(frameCount - 1, Math.max(0, Math.round(seconds * fps)));
  }

  function page(n) {
    if (!pages.has(n)) {
      const from = n * PAGE;
      const to = Math.min(frameCount - 1, from + PAGE - 1);
      const asked = json(api + '/' + id + '/playback/boxes?from=' + from + '&to=' + to).then(b => {
        if (b.frames.length < to - from + 1) {
          setTimeout(() => { if (pages.get(n) === asked) { pages.delete(n); } }, 2000);
        }
        return new Map(b.frames.map(f => [f.frame, f]));
      }, e => { pages.delete(n); throw e; });
      pages.set(n, asked);
    }
    return pages.get(n);
  }

  function label(b) {
    return b.number != null ? '#' + b.number : b.track != null ? String(b.track) : '';
  }

  function paint(frame, f) {
    const canvas = overlay();
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    if (!f) {
      g.fillStyle = 'rgba(0,0,0,0.55)';
      g.fillRect(0, 0, 230, 26);
      g.fillStyle = '#fff';
      g.font = '16px sans-serif';
      g.fillText('not analysed yet', 8, 18);
      return 0;
    }
    if (f.court) {
      g.setLineDash([8, 6]);
      g.strokeStyle = '#00e5ff';
      g.lineWidth = 2;
      g.beginPath();
      for (let i = 0; i < f.court.length; i += 2) {
        (i === 0 ? g.moveTo : g.lineTo).call(g, f.court[i], f.court[i + 1]);
      }
      g.closePath();
      g.stroke();
      g.setLineDash([]);
    }
    g.font = 'bold 14px sans-serif';
    for (const b of f.boxes) {
      if (b.offCourt || b.track == null) {
        g.strokeStyle = 'rgba(200,200,200,0.6)';
        g.lineWidth = 1;
        g.strokeRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
        continue;
      }
      const colour = b.team != null ? teamColour[b.team] || NO_TEAM : NO_TEAM;
      g.strokeStyle = colour;
      g.lineWidth = 3;
      g.strokeRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
      const text = label(b);
      const w = g.measureText(text).width + 8;
      g.fillStyle = colour;
      g.fillRect(b.x1, b.y1 - 18, w, 18);
      g.fillStyle = '#000';
      g.fillText(text, b.x1 + 4, b.y1 - 4);
    }
    if (f.cut) {
      g.fillStyle = '#ff3b3b';
      g.fillText('CUT', 8, 18);
    }
    return f.boxes.length;
  }

  async function draw(frame) {
    shown = frame;
    document.getElementById('frameNumber').textContent = frame;
    document.getElementById('frameTime').textContent = clock(frame, fps);
    const n = Math.floor(frame / PAGE);
    let frames;
    try {
      frames = await page(n);
    } catch (e) {
      document.getElementById('videoState').textContent = e.message;
      return;
    }
    if (shown !== frame) {
      return;
    }
    const boxes = paint(frame, frames.get(frame));
    const canvas = overlay();
    canvas.dataset.frame = frame;
    canvas.dataset.boxes = boxes;
    if (boxes > 0 && !canvas.dataset.firstBoxesMs) {
      canvas.dataset.firstBoxesMs = Math.round(performance.now() - opened);
    }
    if (seekStarted && seekStarted.frame === frame) {
      canvas.dataset.seekMs = Math.round(performance.now() - seekStarted.at);
      seekStarted = null;
    }
    if (frame % PAGE > PAGE * 0.7 && (n + 1) * PAGE < frameCount) {
      page(n + 1).catch(() => {});
    }
  }

  function follow() {
    const v = video();
    v.requestVideoFrameCallback((now, meta) => {
      if (v.dataset.id === String(id)) {
        draw(frameOf(meta.mediaTime));
        follow();
      }
    });
  }

  // The server answers 202 with its progress while it writes a copy the browser can play.
  async function attachSource() {
    const url = api + '/' + id + '/playback/video';
    const r = await fetch(url, {credentials: 'same-origin', headers: {Range: 'bytes=0-0'}});
    const state = document.getElementById('videoState');
    if (r.status === 206 || r.status === 200) {
      state.textContent = '';
      const v = video();
      v.dataset.id = id;
      v.src = url;
      follow();
      return;
    }
    const body = await r.json().catch(() => ({}));
    if (r.status === 202) {
      state.textContent = 'Preparing a copy of the video your browser can play: ' + (body.framesTotal
        ? Math.round(100 * body.framesDone / body.framesTotal) : 0) + ' % (once, then kept).';
      sourceTimer = setTimeout(attachSource, 1000);
    } else {
      state.textContent = body.reason || body.error || 'The video cannot be played: HTTP ' + r.status;
    }
  }

  return {
    // Shows analysis ID's video (asked for at time SINCE); nothing changes when it is already shown.
    async open(analysisId, since) {
      if (id === analysisId) {
        return;
      }
      this.close();
      opened = since;
      let meta;
      try {
        meta = await json(api + '/' + analysisId + '/playback/boxes?from=0&to=0');
      } catch (e) {
        document.getElementById('videoState').textContent = e.message;
        return;
      }
      id = analysisId;
      fps = meta.fps || 25;
      frameCount = meta.frameCount;
      const canvas = overlay();
      canvas.width = meta.width;
      canvas.height = meta.height;
      const teams = await json(api + '/' + id + '/teams').catch(() => []);
      teamColour = Object.fromEntries(teams.map(t => [t.team, t.color]));
      page(0).catch(() => {});
      await attachSource();
    },
    close() {
      clearTimeout(sourceTimer);
      const v = video();
      v.pause();
      v.removeAttribute('src');
      delete v.dataset.id;
      v.load();
      const canvas = overlay();
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      for (const k of ['frame', 'boxes', 'firstBoxesMs', 'seekMs']) {
        delete canvas.dataset[k];
      }
      id = null;
      pages = new Map();
      shown = -1;
      document.getElementById('frameNumber').textContent = '-';
      document.getElementById('frameTime').textContent = '-';
      document.getElementById('videoState').textContent = '';
    },
    // Team colours change once teams are found (after the teams step): ask again.
    async refreshTeams() {
      if (id !== null) {
        const teams = await json(api + '/' + id + '/teams').catch(() => []);
        teamColour = Object.fromEntries(teams.map(t => [t.team, t.color]));
      }
    },
    // Shows frame N: the middle of its display time, so rounding never lands on a neighbour.
    seek(frame) {
      const v = video();
      if (!v.src) {
        return;
      }
      const f = Math.min(frameCount - 1, Math.max(0, frame));
      seekStarted = {frame: f, at: performance.now()};
      v.pause();
      v.currentTime = (f + 0.5) / fps;
    },
    step(delta) {
      this.seek((shown < 0 ? 0 : shown) + delta);
    },
    current() {
      return id;
    },
  };
})();
