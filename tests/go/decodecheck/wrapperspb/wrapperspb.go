// Package wrapperspb copies the two openimsdk/protocol wrapper types OpenIM's reply structs use, with
// their own UnmarshalJSON (wrapperspb/wrapperspb.go, v0.0.73).
package wrapperspb

import (
	"encoding/json"
	"strconv"
)

type StringValue struct {
	Value string `json:"value,omitempty"`
}

type Int32Value struct {
	Value int32 `json:"value,omitempty"`
}

func (m *StringValue) UnmarshalJSON(p []byte) error {
	return json.Unmarshal(p, &m.Value)
}

func (m *Int32Value) UnmarshalJSON(p []byte) error {
	value, err := strconv.ParseInt(string(p), 10, 32)
	if err != nil {
		return err
	}
	m.Value = int32(value)
	return nil
}
