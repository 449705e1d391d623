# SPDX-License-Identifier: GPL-3.0-or-later
from cmdesk.cli import main

raise SystemExit(main())
