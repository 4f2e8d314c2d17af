// Where the decoder looks: a centred square in the part of the video the user actually sees, drawn
// as the viewfinder box. Cropping keeps frames small (fast to decode) and ignores codes at the edge
// of the picture that the user is not aiming at.

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Source rectangle in video pixels and the size of the frame handed to the decoder. */
export interface FrameCrop {
  source: Rect;
  output: Size;
}

export interface RegionOfInterest {
  /** Side of the square as a fraction of the visible area's short side. */
  fraction: number;
  /** Frames are scaled down so that neither side exceeds this. */
  maxOutputSide: number;
}

export const DEFAULT_ROI: Readonly<RegionOfInterest> = { fraction: 0.6, maxOutputSide: 640 };

/**
 * The part of the video shown by an element with `object-fit: cover` (the middle, cropped to the
 * element's aspect ratio); the whole video when the element size is unknown.
 */
export function visibleVideoRect(video: Size, element: Size | null): Rect {
  if (!element || element.width <= 0 || element.height <= 0) return { x: 0, y: 0, ...video };
  const scale = Math.max(element.width / video.width, element.height / video.height);
  const width = Math.min(video.width, element.width / scale);
  const height = Math.min(video.height, element.height / scale);
  return { x: (video.width - width) / 2, y: (video.height - height) / 2, width, height };
}

export function roiCrop(video: Size, element: Size | null, roi: RegionOfInterest = DEFAULT_ROI): FrameCrop {
  const visible = visibleVideoRect(video, element);
  const side = Math.max(1, Math.round(Math.min(visible.width, visible.height) * roi.fraction));
  const x = Math.round(visible.x + (visible.width - side) / 2);
  const y = Math.round(visible.y + (visible.height - side) / 2);
  const outputSide = Math.min(side, roi.maxOutputSide);
  return { source: { x, y, width: side, height: side }, output: { width: outputSide, height: outputSide } };
}
