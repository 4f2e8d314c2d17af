// Renders a module grid into a 640×480 grayscale camera-like frame with deterministic perturbations:
// module size, rotation, curvature (a bottle or tube), blur (focus), uneven light and glare, contrast,
// sensor noise and inversion (light code on dark print).
import { gaussian, type Random } from '../../support/random.ts';
import type { ModuleGrid } from './symbols.ts';

export interface GrayFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Perturbation {
  /** Pixels per module in the frame. */
  modulePx: number;
  rotationDeg: number;
  /** 0 = flat; otherwise the symbol wraps around a cylinder whose radius is symbol width / curvature. */
  curvature: number;
  /** Standard deviation of the Gaussian blur (defocus), in pixels; 0 = sharp. */
  blurSigmaPx: number;
  /** Gray level of the ink and of the paper (0–255). Low contrast = close together. */
  ink: number;
  paper: number;
  /** Left-to-right illumination fall-off, 0–1 (fraction of the paper level lost at the far side). */
  shading: number;
  /** Peak brightness added by a soft specular highlight (glossy foil), 0 = none. */
  glare: number;
  /** Standard deviation of additive sensor noise, in gray levels. */
  noiseSigma: number;
  /** Light modules on a dark background. */
  inverted: boolean;
  /** Offset of the symbol centre from the frame centre, in pixels. */
  offsetX: number;
  offsetY: number;
}

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;

export const CLEAN: Perturbation = {
  modulePx: 6,
  rotationDeg: 0,
  curvature: 0,
  blurSigmaPx: 0,
  ink: 20,
  paper: 235,
  shading: 0,
  glare: 0,
  noiseSigma: 0,
  inverted: false,
  offsetX: 0,
  offsetY: 0,
};

/** Width and height (px) of the axis-aligned box around the symbol and its quiet zone, once rotated. */
export function symbolBox(grid: ModuleGrid, modulePx: number, rotationDeg: number): { width: number; height: number } {
  const w = (grid.cols + 2 * grid.quietZone) * modulePx;
  const h = (grid.rows + 2 * grid.quietZone) * modulePx;
  const angle = (rotationDeg * Math.PI) / 180;
  const cos = Math.abs(Math.cos(angle));
  const sin = Math.abs(Math.sin(angle));
  return { width: w * cos + h * sin, height: w * sin + h * cos };
}

/** The largest module size (px) at which the rotated symbol and its quiet zone fit the frame, `margin` px spare. */
export function maxModulePx(grid: ModuleGrid, rotationDeg: number, margin: number): number {
  const unit = symbolBox(grid, 1, rotationDeg);
  return Math.min((FRAME_WIDTH - 2 * margin) / unit.width, (FRAME_HEIGHT - 2 * margin) / unit.height);
}

// Coverage of a pixel by dark modules is estimated from a 3×3 grid of sub-samples (anti-aliasing).
const SUBSAMPLES = [-1 / 3, 0, 1 / 3];

export function renderFrame(grid: ModuleGrid, p: Perturbation, random: Random): GrayFrame {
  const width = FRAME_WIDTH;
  const height = FRAME_HEIGHT;
  const symbolW = grid.cols * p.modulePx;
  const symbolH = grid.rows * p.modulePx;
  const radius = p.curvature > 0 ? symbolW / p.curvature : Number.POSITIVE_INFINITY;
  const angle = (p.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2 + p.offsetX;
  const cy = height / 2 + p.offsetY;

  // Ink coverage per pixel, 0 (paper) … 1 (ink).
  const coverage = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let dark = 0;
      for (const sy of SUBSAMPLES) {
        for (const sx of SUBSAMPLES) {
          // Frame → symbol plane: undo rotation, then undo the cylinder's foreshortening.
          const dx = x + 0.5 + sx - cx;
          const dy = y + 0.5 + sy - cy;
          let u = dx * cos + dy * sin;
          const v = -dx * sin + dy * cos;
          if (Number.isFinite(radius)) {
            if (Math.abs(u) >= radius) continue;
            u = radius * Math.asin(u / radius);
          }
          const col = Math.floor((u + symbolW / 2) / p.modulePx);
          const row = Math.floor((v + symbolH / 2) / p.modulePx);
          if (col >= 0 && row >= 0 && col < grid.cols && row < grid.rows && grid.dark[row * grid.cols + col]) dark++;
        }
      }
      coverage[y * width + x] = dark / 9;
    }
  }

  const blurred = p.blurSigmaPx > 0 ? gaussianBlur(coverage, width, height, p.blurSigmaPx) : coverage;

  const data = new Uint8ClampedArray(width * height);
  const glareX = cx + symbolW * 0.15;
  const glareY = cy - symbolH * 0.1;
  const glareR = Math.max(symbolW, symbolH) * 0.35;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const ink = blurred[i] ?? 0;
      let paper = p.paper;
      let inkLevel = p.ink;
      if (p.inverted) [paper, inkLevel] = [inkLevel, paper];
      let level = paper + (inkLevel - paper) * ink;
      level *= 1 - p.shading * (x / width);
      if (p.glare > 0) {
        const d2 = ((x - glareX) ** 2 + (y - glareY) ** 2) / (glareR * glareR);
        level += p.glare * Math.exp(-d2);
      }
      if (p.noiseSigma > 0) level += p.noiseSigma * gaussian(random);
      data[i] = level;
    }
  }
  return { data, width, height };
}

/** Separable Gaussian blur, edges clamped. */
function gaussianBlur(src: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const radius = Math.ceil(sigma * 3);
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) {
    const weight = Math.exp(-(k * k) / (2 * sigma * sigma));
    kernel[k + radius] = weight;
    total += weight;
  }
  for (let k = 0; k < kernel.length; k++) kernel[k] = (kernel[k] ?? 0) / total;

  const horizontal = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++)
        sum += (kernel[k + radius] ?? 0) * (src[y * width + clamp(x + k, 0, width - 1)] ?? 0);
      horizontal[y * width + x] = sum;
    }
  }
  const result = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++)
        sum += (kernel[k + radius] ?? 0) * (horizontal[clamp(y + k, 0, height - 1) * width + x] ?? 0);
      result[y * width + x] = sum;
    }
  }
  return result;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
