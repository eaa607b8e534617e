module com.example.modular.inventory {
  requires dev.safeguards.spring;
}
