"""The OpenAPI 3.1 description of every JSON address (`/api/openapi.json`).

Written out by hand from the views it describes: the APBDes API and data
files, the other apps' JSON downloads, the catalogue and the CKAN actions.
Schemas name what clients rely on and allow more; every error is JSON.
"""

from django.utils.translation import gettext as _

from . import catalogue

YEAR_MIN = 2000
JSON = "application/json"


def _obj(required=(), **properties):
    return {"type": "object", "required": list(required), "properties": properties}


def _nullable(kind):
    return {"type": [kind, "null"]}


STR = {"type": "string"}
INT = {"type": "integer"}
BOOL = {"type": "boolean"}
ARRAY = {"type": "array"}
OBJECT = {"type": "object"}

COMPONENTS = {
    "schemas": {
        "Error": _obj(["galat"], galat=STR, status=INT),
        "Summary": _obj(
            ["kode_desa", "nama_desa", "tahun", "pendapatan", "belanja", "data_contoh", "url"],
            kode_desa=STR,
            nama_desa=STR,
            kode_kecamatan=STR,
            tahun=INT,
            pendapatan=INT,
            belanja=INT,
            surplus_defisit=INT,
            silpa=INT,
            realisasi_pendapatan=_nullable("integer"),
            persen_realisasi_belanja=_nullable("number"),
            data_contoh=BOOL,
            url={"type": "string", "format": "uri"},
        ),
        "Version": _obj(
            ["id", "kode_desa", "tahun", "pendapatan", "belanja", "url", "api"],
            id=INT,
            kode_desa=STR,
            tahun=INT,
            pendapatan=INT,
            belanja=INT,
            jumlah_baris=INT,
            data_contoh=BOOL,
            url=STR,
            api=STR,
        ),
        "Page": _obj(
            ["jumlah", "halaman", "jumlah_halaman", "berikutnya", "sebelumnya", "hasil"],
            jumlah=INT,
            halaman=INT,
            jumlah_halaman=INT,
            berikutnya=_nullable("string"),
            sebelumnya=_nullable("string"),
            hasil=ARRAY,
        ),
        "Rows": _obj(["kolom", "baris"], tahun=INT, kolom={"type": "array", "items": STR}, baris=ARRAY),
        "CkanSuccess": _obj(["success", "result"], help=STR, success={"const": True}, result={}),
        "CkanError": _obj(
            ["success", "error"], help=STR, success={"const": False}, error=_obj(["__type"], __type=STR)
        ),
        "DataPackage": _obj(["name", "resources"], name=STR, title=STR, resources=ARRAY, licenses=ARRAY),
    }
}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _answer(description, schema, media_type=JSON):
    return {"description": description, "content": {media_type: {"schema": schema}}}


def _errors(*codes):
    messages = {400: _("A parameter that does not parse"), 404: _("Nothing at this address")}
    return {str(code): _answer(messages[code], _ref("Error")) for code in codes}


def _query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def _path(name, schema, description):
    return {"name": name, "in": "path", "required": True, "schema": schema, "description": description}


YEAR = _path("tahun", {"type": "integer", "minimum": YEAR_MIN, "maximum": 2100}, "fiscal year")
VILLAGE = _path(
    "kode_desa", {"type": "string", "pattern": r"^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$"}, "village code"
)
FILTERS = [
    _query("tahun", {"type": "integer", "minimum": YEAR_MIN, "maximum": 2100}, "fiscal year"),
    _query("kecamatan", {"type": "string", "pattern": r"^\d{2}\.\d{2}\.\d{2}$"}, "kecamatan code"),
    _query("desa", {"type": "string", "pattern": r"^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$"}, "village code"),
    _query("page", {"type": "integer", "minimum": 1}, "page number"),
    _query("page_size", {"type": "integer", "minimum": 1, "maximum": 500}, "items per page"),
]


def _get(operation_id, summary, ok, *, parameters=(), errors=(404,), tags=("apbdes",)):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": list(tags),
            "parameters": list(parameters),
            "responses": {"200": ok, **_errors(*errors)},
        }
    }


def _apbdes_paths():
    return {
        "/apbdes/api/": _get("apbdes_api_index", _("What the APBDes API offers"), _answer("OK", OBJECT)),
        "/apbdes/api/ringkasan/": _get(
            "apbdes_summaries",
            _("One summary per village and year, paginated"),
            _answer(
                "OK", {**_ref("Page"), "properties": {"hasil": {"type": "array", "items": _ref("Summary")}}}
            ),
            parameters=FILTERS,
            errors=(400, 404),
        ),
        "/apbdes/api/versi/": _get(
            "apbdes_versions",
            _("Every published version with its totals, paginated"),
            _answer(
                "OK", {**_ref("Page"), "properties": {"hasil": {"type": "array", "items": _ref("Version")}}}
            ),
            parameters=FILTERS,
            errors=(400, 404),
        ),
        "/apbdes/api/versi/{id}/": _get(
            "apbdes_version",
            _("One published version with its lines"),
            _answer("OK", OBJECT),
            parameters=[_path("id", {"type": "integer", "minimum": 1}, "version id")],
        ),
        "/apbdes/{tahun}/ringkasan.json": _get(
            "apbdes_year_summaries",
            _("The summaries of a year"),
            _answer("OK", _obj(["tahun", "jumlah", "desa"], tahun=INT, jumlah=INT, desa=ARRAY)),
            parameters=[YEAR],
        ),
        "/apbdes/{tahun}/baris.json": _get(
            "apbdes_year_lines", _("Every line of a year"), _answer("OK", _ref("Rows")), parameters=[YEAR]
        ),
        "/apbdes/{tahun}/{kode_desa}.json": _get(
            "apbdes_village",
            _("One village's budget for a year"),
            _answer("OK", OBJECT),
            parameters=[YEAR, VILLAGE],
        ),
    }


def _data_paths():
    return {
        "/kunjungan/data.json": _get(
            "visits_data",
            _("Every published visit"),
            _answer("OK", _obj(["count", "visits"], count=INT, visits=ARRAY, fields=ARRAY)),
            tags=("data",),
        ),
        "/kim/data.json": _get(
            "kim_data",
            _("The KIM registry"),
            _answer("OK", _obj(["meta", "kim"], meta=OBJECT, kim=ARRAY)),
            tags=("data",),
        ),
        "/ppid/statistik.json": _get(
            "ppid_statistics",
            _("PPID statistics per unit and year"),
            _answer("OK", _obj(["columns", "rows"], columns=ARRAY, rows=ARRAY)),
            tags=("data",),
        ),
        "/data/catalog.jsonld": _get(
            "dcat_catalogue",
            _("The DCAT-AP catalogue as JSON-LD"),
            _answer("OK", {"type": ["object", "array"]}, "application/ld+json"),
            tags=("catalogue",),
        ),
        "/data/{name}/datapackage.json": _get(
            "datapackage",
            _("A dataset's files and Table Schema"),
            _answer("OK", _ref("DataPackage")),
            parameters=[_path("name", {"type": "string", "pattern": "^[a-z0-9-]{1,60}$"}, "dataset name")],
            tags=("catalogue",),
        ),
    }


CKAN_ACTIONS = {
    "package_list": ((), _nullable("array")),
    "package_show": ((("id", STR),), OBJECT),
    "package_search": (
        (
            ("q", STR),
            ("fq", STR),
            ("rows", {**INT, "minimum": 0, "maximum": 1000}),
            ("start", {**INT, "minimum": 0}),
        ),
        OBJECT,
    ),
    "organization_list": ((("all_fields", BOOL),), ARRAY),
    "organization_show": ((("id", STR), ("include_datasets", BOOL)), OBJECT),
    "group_list": ((("all_fields", BOOL),), ARRAY),
}


def _ckan_paths():
    paths = {}
    for action, (parameters, result) in CKAN_ACTIONS.items():
        ok = {**_ref("CkanSuccess"), "properties": {"result": result}}
        error = _answer(_("CKAN error envelope"), _ref("CkanError"))
        paths[f"/api/3/action/{action}"] = {
            "get": {
                "operationId": f"ckan_{action}",
                "summary": f"CKAN {action}",
                "tags": ["ckan"],
                "parameters": [_query(name, schema, name) for name, schema in parameters],
                "responses": {"200": _answer("OK", ok), "404": error, "409": error},
            }
        }
    return paths


def description(base):
    """The OpenAPI document, with the portal at ``base`` as its server."""
    regency = catalogue.regency()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"Portal Keterbukaan {regency.full_name}",
            "version": "1.0.0",
            "description": _(
                "Read-only open data of the portal. Every answer is open to every origin (CORS), "
                "has an ETag and Last-Modified, and answers conditional requests with 304."
            ),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": base.rstrip("/")}],
        "paths": {**_apbdes_paths(), **_data_paths(), **_ckan_paths()},
        "components": COMPONENTS,
    }
