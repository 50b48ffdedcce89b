"""One-tap sharing: the poster, the 9-image set, copy text and the zip of images.

Rendering is pure (Pillow, qrcode, the CJK font); only ``cache`` touches Django (its cache).
"""
