//! Generates the prost/tonic types, their proto3 JSON mapping (pbjson) and
//! the encoded file descriptor set (for reflection) from `proto/`, with
//! protox instead of a system `protoc`.

use std::{env, error::Error, fs, path::PathBuf};

use prost::Message;

const PROTO_ROOT: &str = "../../proto";
const PROTO_FILE: &str = "newsroom/normalizer/v1/normalizer.proto";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={PROTO_ROOT}");

    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    let descriptor_path = out_dir.join("normalizer_descriptor.bin");

    let file_descriptors = protox::compile([PROTO_FILE], [PROTO_ROOT])?;
    let encoded = file_descriptors.encode_to_vec();
    fs::write(&descriptor_path, &encoded)?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // prost's codec, but a request that does not decode is the caller's
        // INVALID_ARGUMENT naming the field, not INTERNAL (src/codec.rs).
        .codec_path("crate::codec::NormalizerCodec")
        // google.protobuf types come from pbjson-types, which carry the
        // proto3 JSON mapping that prost-types lacks.
        .compile_well_known_types(true)
        .extern_path(".google.protobuf", "::pbjson_types")
        .compile_fds(file_descriptors)?;

    pbjson_build::Builder::new()
        .register_descriptors(&encoded)?
        .extern_path(".google.protobuf", "::pbjson_types")
        .build(&[".newsroom.normalizer.v1", ".google.rpc"])?;

    Ok(())
}
