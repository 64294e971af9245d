"""Entry point of Sổ Thi đua: hands over to the composition root."""
import gc

# Python's cycle collector off while the window starts: loading the app's modules, the models and the first screen
# set it off 61 times before the window was shown (about 20 ms; no cycle worth freeing is made that early). The
# window then collects on its own thread every half second (ui/application.py, MainThreadGarbageCollector); a
# command turns it back on (app.main).
gc.disable()

from desktop_app.app import main  # noqa: E402

raise SystemExit(main())
