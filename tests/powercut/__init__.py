"""The power-cut test: a recording FUSE filesystem and its replay at many cut points."""
