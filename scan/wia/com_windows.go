//go:build windows

package wia

import (
	"fmt"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

// object is an IDispatch with the few calls WIA's automation layer needs.
type object struct{ d *ole.IDispatch }

func newObject(progID string) (object, error) {
	u, err := oleutil.CreateObject(progID)
	if err != nil {
		return object{}, fmt.Errorf("%s: %w", progID, err)
	}
	defer u.Release()
	d, err := u.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		return object{}, err
	}
	return object{d}, nil
}

func (o object) release() {
	if o.d != nil {
		o.d.Release()
	}
}

func (o object) get(name string, params ...any) (object, error) {
	v, err := oleutil.GetProperty(o.d, name, params...)
	if err != nil {
		return object{}, fmt.Errorf("%s: %w", name, err)
	}
	return object{v.ToIDispatch()}, nil
}

func (o object) value(name string, params ...any) (any, error) {
	v, err := oleutil.GetProperty(o.d, name, params...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer v.Clear()
	return v.Value(), nil
}

// bytes reads a byte-array property (VT_ARRAY|VT_UI1), which Value does
// not convert.
func (o object) bytes(name string) ([]byte, error) {
	v, err := oleutil.GetProperty(o.d, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer v.Clear()
	arr := v.ToArray()
	if arr == nil {
		return nil, fmt.Errorf("%s is no array (VT %d)", name, v.VT)
	}
	return arr.ToByteArray(), nil
}

func (o object) call(name string, params ...any) (*ole.VARIANT, error) {
	v, err := oleutil.CallMethod(o.d, name, params...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// count is a WIA collection's Count; items are numbered from 1.
func (o object) count() (int, error) {
	v, err := o.value("Count")
	if err != nil {
		return 0, err
	}
	return toInt(v), nil
}

// property returns the WIA property named or numbered id of a Properties
// collection holder (a DeviceInfo, Device or Item).
func (o object) property(id string) (object, error) {
	props, err := o.get("Properties")
	if err != nil {
		return object{}, err
	}
	defer props.release()
	return props.get("Item", id)
}

func (o object) propertyValue(id string) (any, error) {
	p, err := o.property(id)
	if err != nil {
		return nil, err
	}
	defer p.release()
	return p.value("Value")
}

func (o object) setProperty(id string, v any) error {
	p, err := o.property(id)
	if err != nil {
		return err
	}
	defer p.release()
	if _, err := oleutil.PutProperty(p.d, "Value", v); err != nil {
		return fmt.Errorf("property %s = %v: %w", id, v, err)
	}
	return nil
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int8:
		return int(n)
	case int16:
		return int(n)
	case int32:
		return int(n)
	case int64:
		return int(n)
	case uint8:
		return int(n)
	case uint16:
		return int(n)
	case uint32:
		return int(n)
	case uint64:
		return int(n)
	case uint:
		return int(n)
	case float32:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
