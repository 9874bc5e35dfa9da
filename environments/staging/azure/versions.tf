terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.14"
    }
  }

  # Staging keeps its state beside this file so that the demo and the tests read a real state
  # file; production uses a remote backend (azurerm, a blob container with leases).
}
