/** The {@code grpc.health.v1.Health} service, fed by the Safeguards health engine. */
module dev.safeguards.grpc {
  requires transitive dev.safeguards.core;
  requires transitive io.grpc;
  requires io.grpc.stub;
  requires io.grpc.services;
  requires com.google.protobuf;

  exports dev.safeguards.grpc;
}
