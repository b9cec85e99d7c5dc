"""Decks and reports as PDF, through LibreOffice (`soffice --headless --convert-to pdf`).

Each conversion runs in its own temporary directory with its own LibreOffice profile (two conversions at once
would otherwise fight over one profile's lock and the second would silently do nothing), under a time limit
after which the whole process group is killed. The office fonts the documents name (黑体, 仿宋, 宋体, 楷体) are
mapped to the Noto CJK fonts through a fontconfig file of the conversion's own, where this machine lacks them,
so the PDF keeps the difference between headings (sans) and body (serif) instead of whatever font comes first.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from export.report import NOTO_FALLBACK

TIMEOUT_SECONDS = 120  # a 30-page report takes ~5 s here; a hung office process must not hold a request forever
SYSTEM_FONTS_CONF = "/etc/fonts/fonts.conf"
# What each input needs: Writer for .docx, Impress for .pptx (Debian splits LibreOffice by application).
PACKAGES = {".docx": "libreoffice-writer", ".pptx": "libreoffice-impress"}

TEXT = {
    "missing": {
        "zh": "生成 PDF 需要服务器上的 LibreOffice：请管理员运行 "
        "`apt-get install -y --no-install-recommends {package} fonts-noto-cjk`"
        "（或设置 LIBREOFFICE_PATH 指向 soffice）。Word/PowerPoint 文件本身不受影响。",
        "en": "PDF needs LibreOffice on the server: ask the administrator to run "
        "`apt-get install -y --no-install-recommends {package} fonts-noto-cjk` "
        "(or set LIBREOFFICE_PATH to soffice). The Word/PowerPoint file itself is not affected.",
    },
    "timeout": {
        "zh": "LibreOffice 在 {seconds} 秒内未能完成 PDF 转换，已终止。请稍后重试。",
        "en": "LibreOffice did not finish the PDF within {seconds} s and was stopped. Please try again later.",
    },
    "failed": {
        "zh": "LibreOffice 未能生成 PDF（{detail}）。如缺少组件，请安装 {package}。",
        "en": "LibreOffice did not produce a PDF ({detail}). If a component is missing, install {package}.",
    },
}


class PdfUnavailable(RuntimeError):
    """No PDF could be made: LibreOffice missing, timed out or failed; `message(lang)` says what to do."""

    def __init__(self, key: str, **kw: object):
        self.key, self.kw = key, kw
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return TEXT[self.key]["en" if lang == "en" else "zh"].format(**self.kw)


def office_path() -> str | None:
    """LibreOffice's soffice: $LIBREOFFICE_PATH, else libreoffice/soffice on PATH; None when there is none."""
    env = os.environ.get("LIBREOFFICE_PATH")
    if env:
        return env if os.access(env, os.X_OK) else None
    return shutil.which("libreoffice") or shutil.which("soffice")


def _component_present(suffix: str) -> bool:
    """Debian's libreoffice-core has no Writer or Impress: look for the application's library beside soffice."""
    path = office_path()
    if path is None:
        return False
    program = Path(os.path.realpath(path)).parent
    lib = {".docx": "libswlo.so", ".pptx": "libsdlo.so"}.get(suffix)
    if lib is None or not program.is_dir() or not any(program.glob("*.so")):
        return True  # not a layout we know (another OS, a bundled build): let the conversion say
    return (program / lib).exists()


def pdf_available(suffix: str = ".docx") -> bool:
    """Whether a .docx or .pptx can be turned into a PDF here."""
    return office_path() is not None and _component_present(suffix)


def pdf_help(suffix: str = ".docx", lang: str = "zh") -> str:
    return PdfUnavailable("missing", package=PACKAGES.get(suffix, "libreoffice")).message(lang)


def fontconfig_file(directory: Path) -> Path:
    """A fonts.conf that loads the system's configuration and adds the Noto CJK fonts as fallbacks for the office
    fonts (黑体 → Noto Sans CJK SC …); an installed 黑体 still comes first (binding weak, accept)."""
    aliases = "".join(
        f"<alias binding='same'><family>{escape(office)}</family><accept><family>{escape(noto)}</family></accept></alias>"
        for office, noto in NOTO_FALLBACK.items()
    )
    conf = (
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        f"<include ignore_missing='yes'>{SYSTEM_FONTS_CONF}</include>{aliases}</fontconfig>"
    )
    path = directory / "fonts.conf"
    path.write_text(conf, encoding="utf-8")
    return path


def to_pdf(data: bytes, suffix: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """`data` (a .docx or .pptx file's bytes) converted to PDF bytes; PdfUnavailable saying why not."""
    package = PACKAGES.get(suffix, "libreoffice")
    if not pdf_available(suffix):
        raise PdfUnavailable("missing", package=package)
    soffice = office_path()
    with tempfile.TemporaryDirectory(prefix="union-pdf-") as tmp:
        work = Path(tmp)
        src = work / f"document{suffix}"
        src.write_bytes(data)
        out = work / "out"
        out.mkdir()
        env = {
            **os.environ,
            "FONTCONFIG_FILE": str(fontconfig_file(work)),
            "HOME": str(work),  # LibreOffice writes caches under $HOME too
        }
        cmd = [
            soffice,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(src),
        ]
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=work, start_new_session=True
        )
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the office process and any helper it forked
            proc.communicate()
            raise PdfUnavailable("timeout", seconds=int(timeout)) from None
        pdf = out / "document.pdf"
        if proc.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
            detail = (err or b"").decode("utf-8", "replace").strip().splitlines()
            raise PdfUnavailable(
                "failed", detail=(detail[-1] if detail else f"exit {proc.returncode}"), package=package
            )
        return pdf.read_bytes()
