"""KIM news as open data (`/kim/kabar/data.csv`, `/kim/kabar/data.json`).

One row per published post: title, KIM, village and kecamatan, the excerpt
and the address of the whole text, when it was published and last changed.
"""

from .models import Post

DATASET = "kim-kabar"
COLUMNS = [
    "judul",
    "slug",
    "url",
    "kim",
    "slug_kim",
    "kode_desa",
    "nama_desa",
    "kode_kecamatan",
    "nama_kecamatan",
    "ringkasan",
    "diterbitkan",
    "diubah",
    "data_contoh",
]


def rows(request):
    """Dicts for every published post, newest first (one query)."""
    return [_row(post, request) for post in Post.objects.published().for_list()]


def _row(post, request):
    kim = post.kim
    village = kim.village
    return {
        "judul": post.title,
        "slug": post.slug,
        "url": request.build_absolute_uri(post.get_absolute_url()),
        "kim": kim.name,
        "slug_kim": kim.slug,
        "kode_desa": village.code,
        "nama_desa": village.name,
        "kode_kecamatan": village.district.code,
        "nama_kecamatan": village.district.name,
        "ringkasan": post.excerpt,
        "diterbitkan": post.published_at,
        "diubah": post.updated,
        "data_contoh": post.is_sample,
    }
