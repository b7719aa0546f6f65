"""The Siskeudes tables the portal reads, with every column the export may hold.

Column names are those of the Siskeudes database (and so of the CSV headers an
export writes); the order does not matter. `required` are the columns the
import uses; `known` adds the ones it ignores. A header outside `known` is
reported as unknown, a missing required column stops the file.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    required: frozenset
    known: frozenset
    mandatory: bool  # the export must contain this file

    @property
    def file_name(self):
        return f"{self.name}.csv"


def _table(name, required, ignored="", *, mandatory=True):
    required_set = frozenset(required.split())
    return Table(name, required_set, required_set | frozenset(ignored.split()), mandatory)


TABLES = {
    table.name: table
    for table in (
        _table(
            "Ta_RAB",
            "Tahun Kd_Desa Kd_Keg Kd_Rincian Anggaran AnggaranStlhPAK",
            "AnggaranPAK Kd_SubRinci",
        ),
        _table(
            "Ta_RABRinci",
            "Tahun Kd_Desa Kd_Keg Kd_Rincian No_Urut SumberDana Uraian Anggaran AnggaranStlhPAK",
            "Kd_SubRinci Satuan JmlSatuan HrgSatuan JmlSatuanPAK HrgSatuanPAK AnggaranPAK Kode_SBU",
        ),
        _table(
            "Ta_Kegiatan",
            "Tahun Kd_Desa Kd_Keg Nama_Kegiatan Lokasi",
            "Kd_Bid ID_Keg Pagu Pagu_PAK Nm_PPTKD NIP_PPTKD Waktu Keluaran Sumberdana Jbt_PPTKD Kd_Sub "
            "Nilai NilaiPAK Satuan",
        ),
        _table(
            "Ta_Desa",
            "Tahun Kd_Desa No_Perdes Tgl_Perdes No_Perdes_PB Tgl_Perdes_PB",
            "Nm_Kades Jbt_Kades Nm_Sekdes NIP_Sekdes Jbt_Sekdes Nm_Kaur_Keu Jbt_Kaur_Keu Nm_Bendahara "
            "Jbt_Bendahara No_Perdes_PJ Tgl_Perdes_PJ Alamat Ibukota Status NPWP",
        ),
        _table("Ref_Desa", "Kd_Kec Kd_Desa Nama_Desa"),
        _table("Ref_Kecamatan", "Kd_Kec Nama_Kecamatan"),
        _table(
            "Ta_TBP",
            "Tahun No_Bukti Tgl_Bukti Kd_Desa",
            "Uraian Nm_Penyetor Alamat_Penyetor TTD_Penyetor NoRek_Bank Nama_Bank Jumlah Nm_Bendahara "
            "Jbt_Bendahara Status KdBayar Ref_Bayar ID_Bank",
            mandatory=False,
        ),
        _table(
            "Ta_TBPRinci",
            "Tahun No_Bukti Kd_Desa Kd_Keg Kd_Rincian Nilai",
            "RincianSD SumberDana Kd_SubRinci",
            mandatory=False,
        ),
        _table(
            "Ta_SPP",
            "Tahun No_SPP Tgl_SPP Jn_SPP Kd_Desa",
            "Keterangan Jumlah Potongan Status F10 F11 FF12 FF13 FF14 Kd_Bank Nm_Bank Nm_Penerima "
            "Ref_Bayar Rek_Bank Tgl_Bayar Validasi",
            mandatory=False,
        ),
        _table(
            "Ta_SPPRinci",
            "Tahun Kd_Desa No_SPP Kd_Keg Kd_Rincian Nilai",
            "Sumberdana Kd_SubRinci",
            mandatory=False,
        ),
        _table(
            "Ta_SPJ",
            "Tahun No_SPJ Tgl_SPJ Kd_Desa",
            "No_SPP Keterangan Jumlah Potongan Status Kunci",
            mandatory=False,
        ),
        _table(
            "Ta_SPJRinci",
            "Tahun No_SPJ Kd_Desa Kd_Keg Kd_Rincian Nilai",
            "Sumberdana No_SPP JmlCair Alamat Sisa Kd_SubRinci",
            mandatory=False,
        ),
    )
}

# Receipts and payments come in header/detail pairs; one without the other is refused.
REALISATION_PAIRS = (("Ta_TBP", "Ta_TBPRinci"), ("Ta_SPP", "Ta_SPPRinci"), ("Ta_SPJ", "Ta_SPJRinci"))
