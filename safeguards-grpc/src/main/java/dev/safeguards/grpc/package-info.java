/**
 * The gRPC health protocol served from a {@link dev.safeguards.health.HealthEngine}: {@link
 * dev.safeguards.grpc.GrpcHealth} implements {@code grpc.health.v1.Health} ({@code Check} and
 * {@code Watch}), with {@code Watch} pushed on every transition.
 */
package dev.safeguards.grpc;
