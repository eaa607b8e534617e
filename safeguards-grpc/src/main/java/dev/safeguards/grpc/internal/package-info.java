/** The machinery behind {@link dev.safeguards.grpc.GrpcHealth}; not API. */
package dev.safeguards.grpc.internal;
