#!/usr/bin/python3
"""Reference outputs for AntialiasedResizeTest, computed by Pillow (Debian python3-pil 9.4).

Inputs: vtest-crop.png (pixels 280..439 x 160..279 of frame 0 of ../shared/media/vtest.avi as
bbva decodes it) and noise.png (seeded random RGB, written here). Each output is
Image.resize((w, h), Image.BILINEAR) -- PIL's antialiased bilinear, the resize rfdetr trains and
exports with. Run from this directory: /usr/bin/python3 make_fixtures.py
"""
import numpy as np
from PIL import Image

CASES = {
    "vtest-crop.png": [(56, 56), (200, 200), (160, 45), (37, 91)],
    "noise.png": [(29, 29), (100, 30)],
}

rng = np.random.default_rng(20261122)
Image.fromarray(rng.integers(0, 256, size=(41, 67, 3), dtype=np.uint8), "RGB").save("noise.png")

for name, sizes in CASES.items():
    image = Image.open(name).convert("RGB")
    for w, h in sizes:
        out = f"{name[:-4]}-{w}x{h}.png"
        image.resize((w, h), Image.BILINEAR).save(out)
        print(out)
