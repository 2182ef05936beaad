//! String arrays in and out through the Arrow PyCapsule interface
//! (`__arrow_c_array__`): pyarrow, polars and any other Arrow library hand
//! over their buffers with no Python object per string.
//!
//! This is the one place the package needs `unsafe`: reading the C structs a
//! capsule holds. The engine itself forbids it.

use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{make_array, Array, ArrayRef, GenericStringArray, OffsetSizeTrait, StringViewArray};
use arrow_schema::DataType;
use detritus::lang::StreamLanguage;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use rayon::prelude::*;

const SCHEMA: &std::ffi::CStr = c"arrow_schema";
const ARRAY: &std::ffi::CStr = c"arrow_array";

/// The array behind the two capsules of `__arrow_c_array__`.
pub fn import(schema: &Bound<'_, PyCapsule>, array: &Bound<'_, PyCapsule>) -> PyResult<ArrayRef> {
    let schema_ptr = schema.pointer_checked(Some(SCHEMA))?.cast::<FFI_ArrowSchema>();
    let array_ptr = array.pointer_checked(Some(ARRAY))?.cast::<FFI_ArrowArray>();
    // SAFETY: a capsule named `arrow_schema`/`arrow_array` holds that C struct
    // (the Arrow PyCapsule interface), and the names were checked. The array
    // is moved out and a released one left behind, as the C data interface
    // asks of a consumer; the schema is only borrowed.
    let data = unsafe {
        // A capsule already consumed holds a released array: nothing to read.
        if array_ptr.as_ref().is_released() {
            return Err(PyValueError::new_err("the Arrow array was already consumed"));
        }
        let array = FFI_ArrowArray::from_raw(array_ptr.as_ptr());
        from_ffi(array, schema_ptr.as_ref())
    }
    .map_err(|e| PyValueError::new_err(format!("cannot read the Arrow array: {e}")))?;
    // The producer's word is not proof: a `string` array may hold invalid
    // UTF-8 (pyarrow's `view` does not check), and the engine takes `&str`.
    data.validate_full()
        .map_err(|e| PyValueError::new_err(format!("invalid Arrow array: {e}")))?;
    Ok(make_array(data))
}

/// The two capsules of `__arrow_c_array__` for `array`. Each capsule owns
/// its struct: dropping an unconsumed one releases the buffers.
pub fn export<'py>(py: Python<'py>, array: &ArrayRef) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
    let (ffi_array, ffi_schema) =
        to_ffi(&array.to_data()).map_err(|e| PyValueError::new_err(format!("cannot export the Arrow array: {e}")))?;
    Ok((
        PyCapsule::new_with_value(py, ffi_schema, SCHEMA)?,
        PyCapsule::new_with_value(py, ffi_array, ARRAY)?,
    ))
}

/// `f` over every string of `input` in parallel, into an array of the same
/// type with the same nulls. Where `f` fails the string is kept and the
/// error listed with its index. `make` builds `f` from the languages the
/// strings tell, so a string too short to tell its own can take theirs.
pub fn map_strings<F: Fn(&str) -> Result<String, String> + Sync>(
    input: &ArrayRef,
    make: impl FnOnce(StreamLanguage) -> F,
) -> PyResult<(ArrayRef, Vec<(usize, String)>)> {
    match input.data_type() {
        DataType::Utf8 => map_offsets(input.as_string::<i32>(), make),
        DataType::LargeUtf8 => map_offsets(input.as_string::<i64>(), make),
        DataType::Utf8View => {
            let strings = input.as_string_view();
            let (out, errors) = map_values(strings.len(), |i| strings.is_null(i), |i| strings.value(i), make);
            Ok((std::sync::Arc::new(StringViewArray::from_iter(out)), errors))
        }
        other => Err(PyTypeError::new_err(format!(
            "expected an Arrow string array (string, large_string or string_view), got {other}"
        ))),
    }
}

fn map_offsets<O: OffsetSizeTrait, F: Fn(&str) -> Result<String, String> + Sync>(
    strings: &GenericStringArray<O>,
    make: impl FnOnce(StreamLanguage) -> F,
) -> PyResult<(ArrayRef, Vec<(usize, String)>)> {
    let (out, errors) = map_values(strings.len(), |i| strings.is_null(i), |i| strings.value(i), make);
    // Fixes can lengthen a text: a 32-bit offset array may no longer hold it.
    let total: usize = out.iter().flatten().map(String::len).sum();
    if !O::IS_LARGE && total > i32::MAX as usize {
        return Err(PyValueError::new_err(
            "the fixed strings exceed the 2 GiB a `string` array holds; pass a `large_string` array",
        ));
    }
    Ok((std::sync::Arc::new(GenericStringArray::<O>::from_iter(out)), errors))
}

type Mapped = (Vec<Option<String>>, crate::Errors);

fn map_values<'a, F: Fn(&str) -> Result<String, String> + Sync>(
    len: usize,
    is_null: impl Fn(usize) -> bool + Sync,
    value: impl Fn(usize) -> &'a str + Sync,
    make: impl FnOnce(StreamLanguage) -> F,
) -> Mapped {
    let f = make(StreamLanguage::of_all(
        (0..len).into_par_iter().filter(|&i| !is_null(i)).map(&value),
    ));
    // A null stays null; an error keeps its input.
    let done: Vec<Result<Option<String>, String>> = (0..len)
        .into_par_iter()
        .map(|i| (!is_null(i)).then(|| f(value(i))).transpose())
        .collect();
    crate::split_errors(done, |i| Some(value(i).to_string()))
}
