package store

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// The window features of a document are stored in the index in a compact
// binary form: feature keys are random 64-bit hashes that no text encoding
// shortens, and the form is several times faster to write and read than
// JSON. The assignment is stored apart, as JSON (Assignment).

// codecVersion starts every encoded document.
const codecVersion = 1

var errCorrupt = errors.New("dedup: corrupt stored features")

// encodeFeatures appends the window features of d to b.
func encodeFeatures(b []byte, d *features.Doc) []byte {
	b = append(b, codecVersion)
	b = appendString(b, d.Script)
	for _, v := range [...]features.Vec{d.Terms, d.Surface, d.Ents} {
		b = binary.AppendUvarint(b, uint64(len(v.K)))
		for i, k := range v.K {
			b = binary.LittleEndian.AppendUint64(b, k)
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v.W[i]))
		}
	}
	for i := range d.Ents.K {
		b = appendString(b, d.EntText[i])
		b = appendString(b, d.EntKey[i])
		flags := byte(d.EntKind[i]) << 1
		if d.EntWeak[i] {
			flags |= 1
		}
		b = append(b, flags)
	}
	for _, h := range d.Sig {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	// The year comes last, when the text names one; documents stored
	// before it have none either.
	if d.Year > 0 {
		b = binary.AppendUvarint(b, uint64(d.Year))
	}
	return b
}

// decodeFeatures reads what encodeFeatures wrote into d.
func decodeFeatures(b []byte, d *features.Doc) error {
	r := reader{b: b}
	if r.byte() != codecVersion {
		return errCorrupt
	}
	d.Script = r.string()
	vs := [...]*features.Vec{&d.Terms, &d.Surface, &d.Ents}
	for _, v := range vs {
		n := r.count(12)
		v.K, v.W = make([]uint64, n), make([]float32, n)
		for i := range n {
			v.K[i] = r.uint64()
			v.W[i] = math.Float32frombits(r.uint32())
		}
	}
	n := len(d.Ents.K)
	d.EntText, d.EntKey, d.EntKind, d.EntWeak = make([]string, n), make([]string, n), make([]features.Kind, n), make([]bool, n)
	for i := range n {
		d.EntText[i] = r.string()
		d.EntKey[i] = r.string()
		flags := r.byte()
		d.EntKind[i], d.EntWeak[i] = features.Kind(flags>>1), flags&1 == 1
	}
	for i := range d.Sig {
		d.Sig[i] = r.uint32()
	}
	if len(r.b) > 0 {
		y := r.uvarint()
		if y < features.MinYear || y > features.MaxYear {
			return errCorrupt
		}
		d.Year = int(y)
	}
	if r.err || len(r.b) != 0 {
		return errCorrupt
	}
	return nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader reads encoded features; a read past the end sets err and returns
// zero values.
type reader struct {
	b   []byte
	err bool
}

func (r *reader) take(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err, r.b = true, nil
		return make([]byte, max(n, 0))
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) byte() byte     { return r.take(1)[0] }
func (r *reader) uint32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *reader) uint64() uint64 { return binary.LittleEndian.Uint64(r.take(8)) }
func (r *reader) string() string { return string(r.take(r.count(1))) }
func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a count of items of at least size bytes each, checked against
// the bytes left so that corrupt input cannot ask for huge allocations.
func (r *reader) count(size int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/size) {
		r.err, r.b = true, nil
		return 0
	}
	return int(n)
}
