// Two small canvas charts (stacked bars over time, lines over time), drawn by hand: no library, works offline.
// Colors come from CSS variables at draw time, so the theme toggle repaints them correctly.

function cssVar(el, name, fallback) {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

/** A "nice" step (1, 2 or 5 times a power of ten) so that four grid lines land on round values. */
function niceStep(raw, integer) {
  if (!(raw > 0)) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / exp;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

function timeLabel(t) {
  return new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** The y axis: from min (0, or below it when a value is negative) to max, in steps that land on round values. */
function axis(lo, hi, integer) {
  const step = niceStep(Math.max(hi - lo, 1e-9) / 4, integer);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(min + step, Math.ceil(hi / step) * step);
  const ticks = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return { min, max, ticks };
}

class TimeChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{ series: {key:string,label:string,color:string}[], format?: (n:number)=>string, kind: 'bars'|'lines', minMax?: number }} options
   */
  constructor(canvas, options) {
    this.canvas = canvas;
    this.options = options;
    this.points = [];
    this.span = null;
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
    this.themeListener = () => this.draw();
    window.addEventListener('themechange', this.themeListener);
  }

  /** points: [{ t: epochMs, values: { key: number|null } }] sorted by t; span: { start, end, bucketMs } in epoch ms. */
  update(points, span) {
    this.points = points;
    this.span = span;
    this.draw();
  }

  destroy() {
    this.observer.disconnect();
    window.removeEventListener('themechange', this.themeListener);
  }

  draw() {
    const { canvas, options } = this;
    const rect = canvas.getBoundingClientRect();
    if (rect.width < 10 || rect.height < 10 || !this.span) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * dpr);
    canvas.height = Math.round(rect.height * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, rect.width, rect.height);

    const ink = cssVar(canvas, '--ink-3', '#888');
    const grid = cssVar(canvas, '--border', '#ddd');
    const font = `12px ${cssVar(document.body, '--sans', 'sans-serif')}`;
    const fmt = options.format || ((n) => String(Math.round(n)));
    const { start, end } = this.span;
    const spanMs = end - start;

    const values = this.points.filter((p) => p.t >= start && p.t < end);
    const hasData = values.some((p) => options.series.some((se) => p.values[se.key] != null && (options.kind === 'lines' || p.values[se.key] > 0)));
    let hi = 0;
    let lo = 0;
    for (const p of values) {
      if (options.kind === 'bars') {
        hi = Math.max(hi, options.series.reduce((s, se) => s + (p.values[se.key] || 0), 0));
      } else {
        for (const se of options.series) {
          const v = p.values[se.key];
          if (v != null) { hi = Math.max(hi, v); lo = Math.min(lo, v); }
        }
      }
    }
    const { min, max, ticks } = axis(lo, Math.max(hi, options.minMax || 0), options.kind === 'bars');

    // The widest of the tick labels sets the left margin, so none is cut ("500 ms" under a "1 s" top label).
    ctx.font = font;
    const yLabelWidth = Math.max(...ticks.map((v) => ctx.measureText(fmt(v)).width)) + 8;
    const pad = { left: yLabelWidth + 4, right: 8, top: 8, bottom: 22 };
    const w = rect.width - pad.left - pad.right;
    const hgt = rect.height - pad.top - pad.bottom;
    this.layout = { left: pad.left, font, labels: ticks.map(fmt) };
    const x = (t) => pad.left + ((t - start) / spanMs) * w;
    const y = (v) => pad.top + hgt - ((v - min) / (max - min)) * hgt;

    // Grid and y labels; the zero line is drawn in ink when early (negative) values put it inside the chart.
    ctx.lineWidth = 1;
    ctx.fillStyle = ink;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (const v of ticks) {
      const yy = Math.round(y(v)) + 0.5;
      ctx.strokeStyle = v === 0 && min < 0 ? ink : grid;
      ctx.beginPath();
      ctx.moveTo(pad.left, yy);
      ctx.lineTo(pad.left + w, yy);
      ctx.stroke();
      ctx.fillText(fmt(v), pad.left - 6, yy);
    }

    // X labels every quarter of the span.
    ctx.textBaseline = 'top';
    for (let i = 0; i <= 4; i += 1) {
      const t = start + (spanMs / 4) * i;
      const label = i === 4 ? 'now' : timeLabel(t);
      ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
      ctx.fillText(label, x(t), pad.top + hgt + 6);
    }

    if (!hasData) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('No data yet', pad.left + w / 2, pad.top + hgt / 2);
      return;
    }

    const colors = Object.fromEntries(options.series.map((se) => [se.key, cssVar(canvas, se.color, se.color)]));
    if (options.kind === 'bars') this.drawBars(ctx, values, colors, x, y, w);
    else this.drawLines(ctx, values, colors, x, y);
  }

  drawBars(ctx, values, colors, x, y, w) {
    const bucket = this.span.bucketMs || 60e3;
    const barWidth = Math.max(1, (bucket / (this.span.end - this.span.start)) * w - 1);
    for (const p of values) {
      let acc = 0;
      for (const se of this.options.series) {
        const v = p.values[se.key] || 0;
        if (!v) continue;
        const top = y(acc + v);
        const bottom = y(acc);
        ctx.fillStyle = colors[se.key];
        ctx.fillRect(x(p.t) + 1, top, barWidth, Math.max(1, bottom - top));
        acc += v;
      }
    }
  }

  drawLines(ctx, values, colors, x, y) {
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    for (const se of this.options.series) {
      ctx.strokeStyle = colors[se.key];
      ctx.fillStyle = colors[se.key];
      ctx.beginPath();
      let drawing = false;
      let count = 0;
      let last = null;
      for (const p of values) {
        const v = p.values[se.key];
        if (v == null) { drawing = false; continue; }
        const px = x(p.t);
        const py = y(v);
        if (drawing) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        drawing = true;
        count += 1;
        last = [px, py];
      }
      ctx.stroke();
      if (count === 1 && last) {
        ctx.beginPath();
        ctx.arc(last[0], last[1], 3, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }
}

export function barChart(canvas, options) {
  return new TimeChart(canvas, { ...options, kind: 'bars' });
}

export function lineChart(canvas, options) {
  return new TimeChart(canvas, { ...options, kind: 'lines' });
}
