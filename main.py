"""Entry point of Sổ Thi đua: hands over to the composition root."""
from desktop_app.app import main

raise SystemExit(main())
