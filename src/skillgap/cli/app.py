"""The ``skillgap`` command line: it parses arguments, calls the library and renders.

Exit status, in one place:

- 0: success;
- 1: ``compare --fail-under N`` and the score is below N (the report is still written);
- 2: usage error or bad input, with one line on standard error that starts
  ``skillgap: error:``;
- 130: interrupted (Ctrl-C), with the one line ``skillgap: error: interrupted``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.exceptions import Abort, Exit, TyperException

from skillgap.errors import SkillgapError
from skillgap.files import write_output
from skillgap.ingest import SUPPORTED
from skillgap.options import Options
from skillgap.report import PROFILE_FORMATS, REPORT_FORMATS
from skillgap.report.rows import ROW_FORMATS

if TYPE_CHECKING:
    from skillgap.analyzer import Analyzer
    from skillgap.models import MatchRow, RankRow
    from skillgap.taxonomy import Taxonomy

EXIT_OK, EXIT_BELOW_THRESHOLD, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Compare a résumé with a job ad: matched, partial and missing backend skills.",
)
taxonomy_app = typer.Typer(no_args_is_help=True, help="Inspect the skill taxonomy.")
app.add_typer(taxonomy_app, name="taxonomy")


def _choices(name: str, values: object) -> type[Enum]:
    """A str Enum of a registry's format names, so typer lists and checks them."""
    return Enum(name, {value: value for value in values}, type=str)  # type: ignore[return-value]


ProfileFormat = _choices("ProfileFormat", PROFILE_FORMATS)
CompareFormat = _choices("CompareFormat", REPORT_FORMATS)
RankFormat = _choices("RankFormat", ROW_FORMATS)
DOCUMENT_HELP = f"{SUPPORTED}, or - for stdin"


class KindOption(str, Enum):
    resume = "resume"
    job = "job"


FormatOpt = Annotated[ProfileFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
TaxonomyOpt = Annotated[
    Path | None,
    typer.Option(
        "--taxonomy",
        "-t",
        help="A custom taxonomy file or folder (*.toml) laid over the shipped one: it adds "
        "skills, replaces skills with the same id, or [[extend]]s them.",
    ),
]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--password", help="Password of an encrypted PDF.", show_default=False),
]
ColorOpt = Annotated[
    bool | None, typer.Option("--color/--no-color", help="Colour (default: on a terminal).")
]
RedactOpt = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Blind mode: hide names, e-mails, phones, street addresses and URLs of the "
        "candidate, and show the file as a pseudonym.",
    ),
]


RowFormatOpt = Annotated[RankFormat, typer.Option("--format", "-f", help="Output format.")]
TopMissingOpt = Annotated[
    int, typer.Option("--top-missing", min=0, help="Missing required skills shown per row.")
]


def _workers(default: str) -> typer.models.OptionInfo:
    """The --jobs option of a batch command, with what it defaults to."""
    return typer.Option("--jobs", "-j", min=1, help=f"Worker processes (default: {default}).")


RankWorkersOpt = Annotated[int | None, _workers("all cores")]
MatchWorkersOpt = Annotated[int | None, _workers("1")]


def _files(what: str, glob: str) -> typer.models.ArgumentInfo:
    """The argument of a batch command: many documents, named any way a shell can."""
    return typer.Argument(
        help=f"{what} files, folders (walked), globs ('{glob}'), or - to read one path per "
        "line from stdin."
    )


@app.command()
def compare(
    resume: Annotated[str, typer.Argument(help=f"Résumé: {DOCUMENT_HELP}.")],
    job: Annotated[str, typer.Argument(help=f"Job ad: {DOCUMENT_HELP}.")],
    format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CompareFormat.text,  # type: ignore[attr-defined]
    output: OutputOpt = None,
    color: ColorOpt = None,
    taxonomy: TaxonomyOpt = None,
    fail_under: Annotated[
        int | None,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            help="Exit with status 1 when the score is below this (0-100).",
        ),
    ] = None,
    password: PasswordOpt = None,
    redact: RedactOpt = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="Text: show every quote (the default shows the gaps' quotes)."),
    ] = False,
) -> None:
    """Compare RESUME with JOB and print the gap report.

    Example: skillgap compare resume.pdf job.txt --format html --output report.html
    """
    from skillgap.report import render

    if resume == "-" and job == "-":
        raise SkillgapError("only one of RESUME and JOB can be read from standard input (-)")
    analyzer = _analyzer(taxonomy, Options(password=password, redact=redact))
    from skillgap.analyzer import to_document

    report = analyzer.compare(
        to_document(_input(resume), analyzer.options), to_document(_input(job), analyzer.options)
    )
    _emit(render(report, format.value, color=_color(color, output), full=full), output)
    if fail_under is not None and report.score < fail_under:
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help=f"Document: {DOCUMENT_HELP}.")],
    kind: Annotated[
        KindOption | None,
        typer.Option("--kind", "-k", help="Document kind (default: guessed from its headings)."),
    ] = None,
    format: FormatOpt = ProfileFormat.text,  # type: ignore[attr-defined]
    output: OutputOpt = None,
    color: ColorOpt = None,
    taxonomy: TaxonomyOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Extract the skills FILE claims (résumé) or asks for (job).

    Example: skillgap extract job.txt --kind job --format json
    """
    from skillgap.report import render_profile

    analyzer = _analyzer(taxonomy, Options(password=password))
    from skillgap.analyzer import to_document
    from skillgap.extraction.sections import guess_kind

    document = to_document(_input(file), analyzer.options)
    chosen = kind.value if kind else guess_kind(document.text)
    profile = analyzer.extract(document, chosen)  # type: ignore[arg-type]
    _emit(render_profile(profile, format.value, color=_color(color, output)), output)


@app.command()
def rank(
    job: Annotated[str, typer.Argument(help=f"Job ad: {DOCUMENT_HELP}.")],
    resumes: Annotated[list[str], _files("Résumé", "cv/**/*.pdf")],
    format: RowFormatOpt = RankFormat.text,  # type: ignore[attr-defined]
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write here; rows are added as they finish, ranked at the end."
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Keep the rows already in --output and skip their files."),
    ] = False,
    jobs: RankWorkersOpt = None,
    top_missing: TopMissingOpt = 5,
    redact: RedactOpt = False,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Rank RESUMES by fit with JOB, best first, with each one's top missing required skills.

    A file that cannot be read gets a row with an error and the batch goes on; the exit status
    is 0 only if every file was read, else 2.

    Example: skillgap rank job.txt resumes/ --format csv --output ranking.csv --resume
    """
    from skillgap.batch.inputs import expand_inputs
    from skillgap.batch.pool import warm_up
    from skillgap.report.rows import format_rows

    if resume and output is None:
        raise SkillgapError("--resume needs --output: the file whose rows are kept")
    if job == "-" and "-" in resumes:
        raise SkillgapError("only one of JOB and the résumé list can be read from stdin (-)")
    skipped: list[str] = []
    exclude = None if job == "-" else job
    paths = expand_inputs(
        resumes, sys.stdin if "-" in resumes else None, skipped=skipped, exclude=exclude
    )
    _note_skipped(skipped)
    if not paths:
        raise SkillgapError("no résumé files given; name files, folders or globs")
    workers = jobs or os.cpu_count() or 1
    from skillgap.batch.rank import LazyAnalyzer, RankTask, run_rank

    if workers > 1 and len(paths) > 1:
        warm_up(min(workers, len(paths)))  # they load spaCy and the Analyzer meanwhile
        # This process only hands out files: it reads the job (a bad one fails here, once)
        # and each worker analyzes it with its own Analyzer; spaCy never loads here.
        from skillgap.ingest import read_document

        lazy = LazyAnalyzer(_taxonomy(taxonomy), Options(redact=redact))
        task = RankTask(lazy, read_document(_input(job), lazy.options), top_missing)
    else:
        analyzer = _analyzer(taxonomy, Options(redact=redact))
        task = RankTask(analyzer, analyzer.analyze(_input(job)), top_missing)
    with _progress_bar(len(paths)) as advance:
        rows = run_rank(
            task,
            paths,
            output=output,
            fmt=format.value,
            resume=resume,
            jobs=workers,
            progress=advance,
        )
    if output is None:
        _emit(format_rows(rows, format.value, task.job.source), None)
    _fail_on_unread(rows, "résumé")


def _fail_on_unread(rows: Sequence[RankRow | MatchRow], what: str) -> None:
    """A batch exits 2 when any file was unreadable; its row already holds the reason."""
    failed = sum(row.error is not None for row in rows)
    if failed:
        raise SkillgapError(
            f"{failed} of {len(rows)} {what} files could not be read; see their error column"
        )


@app.command()
def match(
    resume: Annotated[str, typer.Argument(help=f"Résumé: {DOCUMENT_HELP}.")],
    jobs: Annotated[list[str], _files("Job ad", "ads/*.txt")],
    format: RowFormatOpt = RankFormat.text,  # type: ignore[attr-defined]
    output: OutputOpt = None,
    workers: MatchWorkersOpt = None,
    top_missing: TopMissingOpt = 5,
    password: PasswordOpt = None,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Match RESUME against many JOBS: which ad fits best, and why.

    One row per job ad, best fit first: score, fit band, share of the required skills met,
    the top missing required skills and where to start. A job file that cannot be read gets
    a row with an error and the run goes on; the exit status is 0 only if every file was read.

    Example: skillgap match resume.pdf ads/ --format csv --output matches.csv
    """
    from skillgap.batch import MatchTask, expand_inputs, match_rows
    from skillgap.batch.pool import score_files
    from skillgap.report.rows import format_match_rows

    if resume == "-" and "-" in jobs:
        raise SkillgapError("only one of RESUME and the job list can be read from stdin (-)")
    paths = expand_inputs(jobs, sys.stdin if "-" in jobs else None)
    if not paths:
        raise SkillgapError("no job files given; name files, folders or globs")
    analyzer = _analyzer(taxonomy, Options(password=password))
    from skillgap.analyzer import to_document

    profile = analyzer.extract(to_document(resume, analyzer.options), "resume")
    task = MatchTask(analyzer, profile, top_missing)
    rows = match_rows(score_files(task, paths, jobs=workers or 1))
    _emit(format_match_rows(rows, format.value, profile.source), output)
    _fail_on_unread(rows, "job")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; loopback keeps it private.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="SKILLGAP_TOKEN",
            help="Require 'Authorization: Bearer TOKEN' on every /v1 call but healthz (and on "
            "the page's form); prefer the environment variable, which ps does not show.",
            show_default=False,
        ),
    ] = None,
    redact: RedactOpt = False,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Threads doing the CPU work.")
    ] = 2,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Serve the web page (/) and the HTTP API (/v1/...) on this machine; Ctrl-C stops it.

    Needs the serve extra: pip install 'skillgap[serve]'.

    Example: skillgap serve --port 8000, then open http://127.0.0.1:8000/
    """
    try:
        import uvicorn

        from skillgap.serve.app import LOOPBACK_NAMES, create_app
    except ImportError as error:
        raise SkillgapError(
            f"serve needs the serve extra ({error.name} is missing); "
            "install it with pip install 'skillgap[serve]'"
        ) from None
    from skillgap.analyzer import shared_analyzer
    from skillgap.options import Limits
    from skillgap.serve import ServeLimits

    limits = ServeLimits(read=Limits.from_env(), workers=workers)
    options = Options(limits=limits.read, redact=redact)
    loopback = host in LOOPBACK_NAMES
    if not loopback and not token:
        print(
            f"skillgap: note: serving on {host} without a token: anyone who can reach this "
            "port can use it; set SKILLGAP_TOKEN (or --token)",
            file=sys.stderr,
        )
    api = create_app(
        shared_analyzer(_taxonomy(taxonomy), options),
        token=token or None,
        limits=limits,
        allowed_hosts=LOOPBACK_NAMES if loopback else None,
    )
    shown = f"[{host}]" if ":" in host else host
    print(f"skillgap: serving http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(
        api,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        limit_concurrency=limits.workers + limits.queue + 32,
        timeout_graceful_shutdown=5,
    )


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on standard error, only when it is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Ranking", total=total)
        yield lambda done, total: progress.update(task, completed=done, total=total)


@taxonomy_app.command("list")
def taxonomy_list(taxonomy: TaxonomyOpt = None) -> None:
    """One skill per line: id, name, category (tab-separated)."""
    for skill in sorted(_taxonomy(taxonomy), key=lambda s: (s.category, s.id)):
        print(f"{skill.id}\t{skill.name}\t{skill.category}")


@taxonomy_app.command("show")
def taxonomy_show(
    skill: Annotated[str, typer.Argument(help="A skill id or name, e.g. postgresql.")],
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Everything the taxonomy knows about one skill: aliases, relations, learning steps."""
    from skillgap.taxonomy.describe import describe

    print(describe(_taxonomy(taxonomy), skill), end="")


@taxonomy_app.command("validate")
def taxonomy_validate(
    path: Annotated[Path, typer.Argument(help="A taxonomy file or folder (*.toml).")],
    standalone: Annotated[
        bool,
        typer.Option("--standalone", help="Check PATH on its own, not over the shipped files."),
    ] = False,
) -> None:
    """Check a custom taxonomy: fields, unknown ids, cycles and clashing aliases."""
    from skillgap.taxonomy import Taxonomy

    base = None if standalone else Taxonomy.default()
    merged = Taxonomy.from_path(path, base=base)
    added = len(merged) - (len(base) if base else 0)
    print(f"{path}: valid ({len(merged)} skills, {added} added)")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the compare report."""
    from skillgap.models import GapReport

    print(json.dumps(GapReport.model_json_schema(), indent=2))


def _analyzer(taxonomy: Path | None, options: Options) -> Analyzer:
    """The shared Analyzer, loaded with the cyclic garbage collector paused, then frozen.

    Loading spaCy and building the tables makes a few hundred thousand objects and no
    garbage, and every full collection walked all of them (~50 ms, several times a run).
    Frozen, they stay out of its way for the rest of the process, and stay shared with the
    workers forked after.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        from skillgap.analyzer import shared_analyzer  # spaCy loads here

        return shared_analyzer(_taxonomy(taxonomy), options)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _taxonomy(path: Path | None) -> Taxonomy:
    """The shipped taxonomy, with a custom file or folder laid over it when given."""
    from skillgap.taxonomy import Taxonomy

    return Taxonomy.default() if path is None else Taxonomy.default().merge(path)


def _color(choice: bool | None, output: Path | None) -> bool | None:
    if output is not None:
        return False
    return choice


def _input(argument: str) -> str | Path:
    """A document argument: ``-`` is standard input, anything else a path, never text
    (CONTRACT.md: a folder, or a path that names no file, is an error)."""
    return argument if argument == "-" else Path(argument)


def _note_skipped(skipped: list[str], shown: int = 5) -> None:
    """One line on stderr for the files a walked folder held that are no documents."""
    if not skipped:
        return
    from skillgap.files import display_name

    names = ", ".join(display_name(name) for name in skipped[:shown])
    more = f" and {len(skipped) - shown} more" if len(skipped) > shown else ""
    print(
        f"skillgap: note: skipped {len(skipped)} file{'s' * (len(skipped) > 1)} of other "
        f"types (not {SUPPORTED}): {names}{more}",
        file=sys.stderr,
    )


def _emit(content: str, output: Path | None) -> None:
    """Print, or write the file through the one safe writer (atomic for a regular file)."""
    if output is not None:
        write_output(output, content)
        return
    try:
        sys.stdout.write(content)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left (| head): not an error
        _silence_stdout()
        raise typer.Exit(EXIT_OK) from None
    except OSError as error:
        raise _stdout_failed(error) from None


def _stdout_failed(error: OSError) -> SkillgapError:
    _silence_stdout()
    return SkillgapError(
        f"cannot write to standard output ({error.strerror or error}); "
        "check the disk or pipe it goes to"
    )


def _silence_stdout() -> None:
    """Point standard output at the null device, so that exiting does not try again and
    print "Exception ignored" about the same full disk or closed pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every expected failure to exit status 2 and one line on stderr."""
    command = typer.main.get_command(app)
    try:
        try:
            status = command.main(args=argv, prog_name="skillgap", standalone_mode=False)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            if error.filename is None:  # a write to standard output (the rest name a file)
                raise _stdout_failed(error) from None
            raise
    except SkillgapError as error:
        return _fail(str(error))
    except TyperException as error:  # usage errors: unknown option, missing argument, ...
        context = getattr(error, "ctx", None)
        where = context.command_path if context is not None else "skillgap"
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            print(context.get_help())
            return _fail(f"missing command or argument; see '{where} --help'")
        message = " ".join(error.format_message().split())
        return _fail(f"{message} (see '{where} --help')")
    except Exit as done:
        if isinstance(done.__cause__, KeyboardInterrupt):  # typer's own Ctrl-C handling
            return _interrupted()
        return done.exit_code
    except KeyboardInterrupt:
        return _interrupted()
    except Abort:
        return _fail("aborted")
    except BrokenPipeError:  # the reader left (| head): not an error
        _silence_stdout()
        return EXIT_OK
    if status == EXIT_INTERRUPTED:  # typer turns KeyboardInterrupt into this code
        return _interrupted()
    return status if isinstance(status, int) else EXIT_OK  # click returns typer.Exit's code


def _fail(message: str) -> int:
    print(f"skillgap: error: {message}", file=sys.stderr)
    return EXIT_INPUT


def _interrupted() -> int:
    """Ctrl-C: one line, and 130 (128 + SIGINT) as shells expect."""
    _fail("interrupted")
    return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
