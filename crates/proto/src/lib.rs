//! The `newsroom.normalizer.v1` contract as Rust: prost messages with their
//! proto3 JSON mapping, the tonic client and server, and the encoded file
//! descriptor set that the server hands to gRPC reflection.
//!
//! Everything here is generated at build time from `proto/`; nothing is
//! written by hand but this file and [`codec`], the codec the generated
//! client and server use.

pub mod codec;

/// Types of `newsroom.normalizer.v1`, nested as their package so that
/// generated references between packages resolve.
pub mod newsroom {
    /// `newsroom.normalizer`.
    pub mod normalizer {
        /// `newsroom.normalizer.v1`.
        pub mod v1 {
            #![allow(missing_docs, clippy::all, missing_debug_implementations)]
            include!(concat!(env!("OUT_DIR"), "/newsroom.normalizer.v1.rs"));
            include!(concat!(env!("OUT_DIR"), "/newsroom.normalizer.v1.serde.rs"));
        }
    }
}

/// `google.rpc.Status`, the error of one article in a stream or batch.
pub mod google {
    /// `google.rpc`.
    pub mod rpc {
        #![allow(missing_docs, clippy::all, missing_debug_implementations)]
        include!(concat!(env!("OUT_DIR"), "/google.rpc.rs"));
        include!(concat!(env!("OUT_DIR"), "/google.rpc.serde.rs"));
    }
}

pub use newsroom::normalizer::v1;
/// The `google.protobuf` types the messages use (e.g. `Timestamp`).
pub use pbjson_types;

/// The encoded `FileDescriptorSet` of the contract, for gRPC reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/normalizer_descriptor.bin"));
