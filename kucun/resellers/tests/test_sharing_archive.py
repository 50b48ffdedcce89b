"""The zip of share images."""

import io
import zipfile

from kucun.resellers.sharing.archive import zip_images


def open_zip(data: bytes) -> zipfile.ZipFile:
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.testzip() is None
    return zf


def test_zip_holds_every_image_in_order_byte_for_byte():
    files = [("poster.png", b"\x89PNG one"), ("1.jpg", b"\xff\xd8 two"), ("2.jpg", b"\xff\xd8 3")]
    zf = open_zip(zip_images(files))
    assert zf.namelist() == ["poster.png", "1.jpg", "2.jpg"]
    assert [zf.read(name) for name in zf.namelist()] == [data for _, data in files]
    assert all(info.compress_type == zipfile.ZIP_STORED for info in zf.infolist())


def test_repeated_names_do_not_overwrite_each_other():
    zf = open_zip(
        zip_images([("a.jpg", b"1"), ("a.jpg", b"2"), ("A.JPG", b"3"), ("a", b"4"), ("a", b"5")])
    )
    assert zf.namelist() == ["a.jpg", "a-2.jpg", "A-3.JPG", "a", "a-2"]
    assert [zf.read(n) for n in zf.namelist()] == [b"1", b"2", b"3", b"4", b"5"]


def test_names_cannot_escape_the_folder_they_unzip_into():
    zf = open_zip(
        zip_images([("../../etc/passwd", b"x"), ("C:\\x\\y.png", b"y"), ("..", b"z"), ("", b"w")])
    )
    assert zf.namelist() == ["passwd", "y.png", "image-3", "image-4"]


def test_same_input_and_time_give_the_same_zip():
    files = [("a.png", b"1")]
    when = (2026, 12, 5, 20, 0, 0)
    assert zip_images(files, date_time=when) == zip_images(files, date_time=when)


def test_an_empty_list_is_an_empty_zip():
    assert open_zip(zip_images([])).namelist() == []
