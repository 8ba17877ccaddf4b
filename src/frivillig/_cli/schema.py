"""The ``schema`` command: the JSON Schema of a document type or of a result."""

import argparse
import json
from typing import TextIO

from ..schema import RESULT_TYPES
from .text import EXIT_OK

# -- schema ----------------------------------------------------------------------------------


def _schema(args: argparse.Namespace, out: TextIO, _: TextIO) -> int:
    from ..schema import json_schema, result_schema

    schema = result_schema(args.type) if args.type in RESULT_TYPES else json_schema(args.type)
    print(json.dumps(schema, ensure_ascii=False, indent=2), file=out)
    return EXIT_OK
