package jsonl

import "errors"

// ErrBadTime is defined by the package's reader (landing from the structure
// branch); this stand-in goes at the merge.
var ErrBadTime = errors.New("\"published\" is not a time")
