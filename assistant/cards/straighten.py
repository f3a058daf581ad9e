"""A card photographed on a table, at an angle: find its four corners and flatten it.

OpenCV does the geometry: edges, the largest four-cornered outline, a perspective warp to a
rectangle. A scan (the card fills the picture) or a photo with no clear outline is returned as
it is. Pure: pixels in, pixels out.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

WORK_SIDE = 800  # corners are found on a copy this size; the warp uses the full picture
MIN_AREA = 0.12  # of the picture: smaller outlines are a logo or a box printed on the card
MAX_AREA = 0.92  # larger: the picture is a scan already
BAND = 15  # pixels (of the work copy) either side of the outline compared
MIN_CONTRAST = 25.0  # CIELAB distance between the card's rim and what lies around it
MAX_SURROUND_SPREAD = 12.0  # lightness spread around a card on a table; print spreads more


def find_card(image: Image.Image) -> Image.Image:
    """The card cut out of the photo and made rectangular, or the picture unchanged."""
    import cv2

    rgb = np.asarray(image.convert("RGB"))
    scale = WORK_SIDE / max(rgb.shape[:2])
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) \
        if scale < 1 else rgb
    scale = min(scale, 1.0)
    corners = _corners(small)
    if corners is None or not _stands_out(small, corners):
        return image
    return Image.fromarray(_warp(rgb, corners / scale))


def _corners(rgb: np.ndarray) -> np.ndarray | None:
    import cv2

    gray = cv2.GaussianBlur(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(gray, 30, 100), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area = float(rgb.shape[0] * rgb.shape[1])
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        hull = cv2.convexHull(contour)
        share = cv2.contourArea(hull) / area
        if share < MIN_AREA:
            return None
        if share > MAX_AREA:
            continue
        approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(approx) == 4:
            return _order(approx.reshape(4, 2).astype(np.float32))
        box = cv2.boxPoints(cv2.minAreaRect(hull))  # rounded corners: the enclosing rectangle
        return _order(box.astype(np.float32))
    return None


def _stands_out(rgb: np.ndarray, corners: np.ndarray) -> bool:
    """Whether the outline is a card's edge on a plain surface, not a box printed on a scan:
    around a card the surface is even and unlike the card's rim; around a printed box lie
    the same paper and more print."""
    import cv2

    mask = np.zeros(rgb.shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, corners.astype(np.int32), 255)
    kernel = np.ones((BAND, BAND), np.uint8)
    outside = (cv2.dilate(mask, kernel) > 0) & (mask == 0)
    inside = (mask > 0) & (cv2.erode(mask, kernel) == 0)
    if outside.sum() < 50 or inside.sum() < 50:
        return False
    lab = cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB).astype(np.float32)
    around, rim = lab[outside], lab[inside]
    contrast = float(np.linalg.norm(np.median(around, 0) - np.median(rim, 0)))
    return contrast >= MIN_CONTRAST and float(around[:, 0].std()) <= MAX_SURROUND_SPREAD


def _order(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array([points[np.argmin(total)], points[np.argmin(diff)],
                     points[np.argmax(total)], points[np.argmax(diff)]], dtype=np.float32)


def _warp(rgb: np.ndarray, corners: np.ndarray) -> np.ndarray:
    import cv2

    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(rgb, matrix, (max(width, 1), max(height, 1)),
                               flags=cv2.INTER_CUBIC)
