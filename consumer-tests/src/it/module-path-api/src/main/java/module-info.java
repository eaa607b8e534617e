module com.example.modular {
  requires dev.safeguards.core;
}
