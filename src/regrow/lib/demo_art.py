"""Pictures for the demo, drawn here with Pillow: nothing is downloaded, nothing is copied.

`coat_of_arms_png()` is a made-up shield (a tower above a lake), not any town's real arms;
`street_picture()` draws a row of shop fronts under a sky, for the demo's news.
"""

import random
from io import BytesIO

from PIL import Image, ImageDraw

SCALE = 4  # drawn four times larger, then reduced: smooth edges without an antialiasing API


def _png(image: Image.Image) -> bytes:
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def coat_of_arms_png(*, field: str = "#1d4e89", charge: str = "#f2c230") -> bytes:
    """A shield, 200 x 240 pixels, transparent around it."""
    width, height = 200 * SCALE, 240 * SCALE
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = SCALE
    # The shield: straight top and sides, a pointed base drawn as a many-sided curve.
    outline = [(8 * s, 8 * s), (192 * s, 8 * s), (192 * s, 130 * s)]
    for step in range(1, 20):
        t = step / 20
        outline.append((192 * s - 92 * s * t, 130 * s + 100 * s * (t**0.7)))
    outline.append((100 * s, 232 * s))
    for step in range(19, 0, -1):
        t = step / 20
        outline.append((8 * s + 92 * s * t, 130 * s + 100 * s * (t**0.7)))
    outline.append((8 * s, 130 * s))
    draw.polygon(outline, fill="#ffffff")
    inner = [(x * 0.94 + 6 * s, y * 0.94 + 6 * s) for x, y in outline]
    draw.polygon(inner, fill=field)
    # A tower with three merlons and a door.
    draw.rectangle((72 * s, 62 * s, 128 * s, 140 * s), fill=charge)
    for left in (68, 91, 114):
        draw.rectangle((left * s, 44 * s, (left + 18) * s, 64 * s), fill=charge)
    draw.rounded_rectangle((90 * s, 104 * s, 110 * s, 140 * s), radius=10 * s, fill=field)
    draw.rectangle((94 * s, 76 * s, 106 * s, 90 * s), fill=field)
    # Three wavy bands of a lake below it.
    for row, top in enumerate((150, 170, 190)):
        points = []
        for x in range(20, 181, 4):
            wave = 5 if (x // 20 + row) % 2 else -5
            points.append((x * s, (top + wave) * s))
        draw.line(points, fill="#ffffff", width=7 * s, joint="curve")
    # Clip the waves to the shield.
    mask = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    clipped = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    clipped.paste(image, mask=mask)
    return _png(clipped.resize((200, 240), Image.Resampling.LANCZOS))


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def street_picture(seed: int, *, sky: str, facades: list[str]) -> bytes:
    """A 1600 x 900 JPEG: a sky, a row of shop fronts with windows and awnings, a pavement."""
    chance = random.Random(seed)  # noqa: S311 -- a drawing, not a secret
    width, height = 1600, 900
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    top_r, top_g, top_b = _hex(sky)
    for y in range(0, 500):  # the sky lightens towards the horizon
        mix = y / 500
        colour = tuple(round(c + (255 - c) * mix * 0.6) for c in (top_r, top_g, top_b))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.rectangle((0, 760, width, height), fill="#8d8a84")  # pavement
    draw.rectangle((0, 740, width, 760), fill="#bdb8ae")
    x = -40
    while x < width:
        facade_width = chance.randint(260, 380)
        roof = chance.randint(180, 360)
        colour = chance.choice(facades)
        draw.rectangle((x, roof, x + facade_width, 740), fill=colour)
        draw.polygon(
            [(x - 10, roof), (x + facade_width // 2, roof - 70), (x + facade_width + 10, roof)],
            fill="#5b4a42",
        )
        for row_top in range(roof + 40, 520, 110):  # upper windows
            for column in range(x + 30, x + facade_width - 60, 90):
                draw.rectangle((column, row_top, column + 50, row_top + 70), fill="#e8eef2")
                draw.rectangle(
                    (column, row_top, column + 50, row_top + 70), outline="#3b3b3b", width=4
                )
        # The shop front: a large window, a door and an awning in a contrasting colour.
        draw.rectangle((x + 25, 580, x + facade_width - 110, 730), fill="#cfe0ea")
        draw.rectangle((x + facade_width - 90, 590, x + facade_width - 35, 740), fill="#4a3b33")
        awning = chance.choice(["#c0392b", "#2e8b57", "#e0a100", "#3a6ea5"])
        draw.polygon(
            [(x + 15, 540), (x + facade_width - 15, 540), (x + facade_width, 575), (x, 575)],
            fill=awning,
        )
        x += facade_width
    output = BytesIO()
    image.save(output, format="JPEG", quality=82, optimize=True)
    return output.getvalue()
